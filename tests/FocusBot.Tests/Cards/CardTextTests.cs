using FocusBot.Cards;

namespace FocusBot.Tests.Cards;

public sealed class CardTextTests
{
    [Theory]
    [InlineData("**bold** and _italic_", "\\*\\*bold\\*\\* and \\_italic\\_")]
    [InlineData("[click me](https://evil.example)", "\\[click me\\]\\(https:\u2060//evil.example\\)")]
    [InlineData("![img](https://evil.example/x.png)", "!\\[img\\]\\(https:\u2060//evil.example/x.png\\)")]
    [InlineData("<at>Megan Bowen</at>", "\\<\u2060at\\>Megan Bowen\\<\u2060/at\\>")]
    [InlineData("<b>bold</b> <img src=x onerror=alert(1)>", "\\<\u2060b\\>bold\\<\u2060/b\\> \\<\u2060img src=x onerror=alert\\(1\\)\\>")]
    [InlineData("&lt;b&gt;", "\\&lt;b\\&gt;")]
    [InlineData("<https://evil.example>", "\\<\u2060https:\u2060//evil.example\\>")]
    [InlineData("`code`", "\\`code\\`")]
    [InlineData("~~gone~~", "\\~\\~gone\\~\\~")]
    [InlineData("{{DATE(2026-01-01T00:00:00Z, SHORT)}}", "\\{\\{DATE\\(2026-01-01T00:00:00Z, SHORT\\)\\}\\}")]
    [InlineData("text{.hidden style=display:none}", "text\\{.hidden style=display:none\\}")]
    [InlineData("a | b", "a \\| b")]
    [InlineData("# Heading", "\\# Heading")]
    [InlineData("- item", "\\- item")]
    [InlineData("+ item", "\\+ item")]
    [InlineData("* item", "\\* item")]
    [InlineData("> quote", "\\> quote")]
    [InlineData("1. first", "1\\. first")]
    [InlineData("12) twelfth", "12\\) twelfth")]
    [InlineData("===", "\\===")]
    [InlineData("see www.evil.example now", "see www\u2060.evil.example now")]
    [InlineData("C:\\temp", "C:\\\\temp")]
    public void Markdown_TypedMarkup_IsShownLiterally(string typed, string expected)
    {
        Assert.Equal(expected, CardText.Markdown(typed, 500));
    }

    [Theory]
    [InlineData("Sales & Support", "Sales \\& Support")]
    [InlineData("Field Service (North)", "Field Service \\(North\\)")]
    public void Escape_AmpersandAndParentheses_AreEscapedSoTheyRenderAsTyped(string typed, string expected)
    {
        // CommonMark renders "\\&" and "\\(" as the character itself: Teams shows "Sales & Support".
        Assert.Equal(expected, CardText.Escape(typed));
    }

    [Theory]
    [InlineData("Plain words, 3.5% up - fine", "Plain words, 3.5% up - fine")]
    [InlineData("Customer's \"quote\" and O'Brien's notes", "Customer's \"quote\" and O'Brien's notes")]
    [InlineData("Café ☕ 😀", "Café ☕ 😀")]
    public void Markdown_OrdinaryText_IsUnchanged(string typed, string expected)
    {
        Assert.Equal(expected, CardText.Markdown(typed, 500));
    }

    [Fact]
    public void Markdown_LineBreaks_BecomeParagraphs_AndBlockMarkersOnEveryLineAreEscaped()
    {
        Assert.Equal("first\n\n\\# second\n\n\\- third", CardText.Markdown("first\r\n# second\n\n\n\n- third", 500));
    }

    [Theory]
    [InlineData("a\u202Eevil\u202C", "aevil")] // right-to-left override
    [InlineData("x\u2066y\u2069z", "xyz")] // isolates
    [InlineData("be\u200Bll", "bell")] // zero-width space
    [InlineData("nul\0bell\u0007", "nulbell")]
    [InlineData("tab\there", "tab here")]
    [InlineData("  padded  ", "padded")]
    public void Clean_HiddenAndControlCharacters_AreRemoved(string typed, string expected)
    {
        Assert.Equal(expected, CardText.Clean(typed));
    }

    [Fact]
    public void Clean_KeepsTheJoinerOfEmojiSequences()
    {
        const string family = "👩\u200D👩\u200D👧";

        Assert.Equal(family, CardText.Clean(family));
    }

    [Fact]
    public void Markdown_LongText_IsCutToTheBoundWithAnEllipsis()
    {
        var text = CardText.Markdown(new string('a', 50), 10);

        Assert.Equal(new string('a', 9) + CardText.Ellipsis, text);
    }

    [Fact]
    public void Plain_CutAtAnEmoji_NeverSplitsItsSurrogatePair()
    {
        var text = CardText.Plain("abcd😀😀😀", 6);

        Assert.Equal("abcd" + CardText.Ellipsis, text);
        Assert.DoesNotContain('\uFFFD', text);
    }

    [Theory]
    [InlineData("Megan <b>Bowen</b>", "Megan bBowen/b")]
    [InlineData("**Megan**", "Megan")]
    [InlineData("", "colleague")]
    [InlineData("Ann\nLee", "Ann Lee")]
    public void MentionName_HasNoMarkupOrBreaks(string name, string expected)
    {
        Assert.Equal(expected, CardText.MentionName(name));
    }

    [Fact]
    public void Length_CountsWhatTheLimitsCheck()
    {
        Assert.Equal(5, CardText.Length("  hello\u200B "));
    }
}
