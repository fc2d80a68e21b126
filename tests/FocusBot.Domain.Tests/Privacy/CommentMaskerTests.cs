using FocusBot.Domain.Privacy;

namespace FocusBot.Domain.Tests.Privacy;

public sealed class CommentMaskerTests
{
    private static readonly CommentMasker Masker = new(["Megan Bowen", "Chloé Dubois", "Will Turner", "Grace O'Neill", "Sam Carter", null, ""]);

    [Theory]
    [InlineData("Write to megan.bowen@contoso.com today", "Write to [e-mail] today")]
    [InlineData("Megan Bowen <megan.bowen@contoso.com> helped", "[name] <[e-mail]> helped")]
    [InlineData("mailto:help+refunds@support.contoso.co.uk.", "[e-mail].")]
    [InlineData("josé.núñez@empresa.es answered", "[e-mail] answered")]
    public void Mask_Emails_AreMaskedWhereverTheyAre(string text, string expected) =>
        Assert.Equal(expected, Masker.Mask(text));

    [Theory]
    [InlineData("Call +44 20 7946 0958 now", "Call [phone] now")]
    [InlineData("Call +44 (0)20 7946 0958.", "Call [phone].")]
    [InlineData("ring (555) 123-4567 please", "ring [phone] please")]
    [InlineData("US: +1-555-123-4567", "US: [phone]")]
    [InlineData("Paris 01 23 45 67 89 ou +33 1 23 45 67 89", "Paris [phone] ou [phone]")]
    [InlineData("Berlin 0049 30 1234567", "Berlin [phone]")]
    [InlineData("mobile 07700900123", "mobile [phone]")]
    [InlineData("dial 555.123.4567", "dial [phone]")]
    public void Mask_PhoneNumbers_InternationalFormatsAreMasked(string text, string expected) =>
        Assert.Equal(expected, Masker.Mask(text));

    [Theory]
    [InlineData("Refunds took 14 days in 2026")]
    [InlineData("We lost 3 of 20 customers, about 15%")]
    [InlineData("Since 2026-11-24 and 24.11.2026 it is slower")]
    [InlineData("Version 1.2.3 broke the portal")]
    public void Mask_NumbersThatAreNotPhoneNumbers_StayReadable(string text) =>
        Assert.Equal(text, Masker.Mask(text));

    [Theory]
    [InlineData("Megan Bowen fixed it", "[name] fixed it")]
    [InlineData("ask MEGAN, or bowen", "ask [name], or [name]")]
    [InlineData("chloe and CHLOÉ and Chloé", "[name] and [name] and [name]")]
    [InlineData("Megan's team was great", "[name]'s team was great")]
    [InlineData("Sam Carter-style service", "[name]-style service")]
    public void Mask_KnownNames_InAnyCaseOrAccent(string text, string expected) =>
        Assert.Equal(expected, Masker.Mask(text));

    [Theory]
    [InlineData("we will call back and show grace to customers", "we will call back and show grace to customers")]
    [InlineData("Will said Grace knows", "[name] said [name] knows")]
    [InlineData("ask sam carter or will turner", "ask [name] or [name]")]
    [InlineData("Megan will help", "[name] will help")]
    public void Mask_NamesThatAreCommonWords_OnlyWhenCapitalised(string text, string expected) =>
        Assert.Equal(expected, Masker.Mask(text));

    [Fact]
    public void Mask_UnknownNamesAndWordsInsideOtherWords_AreLeftAlone() =>
        Assert.Equal("Samuel from Meganet said Priya helped", Masker.Mask("Samuel from Meganet said Priya helped"));
}
