using FocusBot.Storage.AzureTables;

namespace FocusBot.Storage.Tests.AzureTables;

public sealed class TableKeysTests
{
    [Theory]
    [InlineData("plain-id")]
    [InlineData("a/b\\c#d?e")]
    [InlineData("pipe|percent%bang!")]
    [InlineData("\u0000\u001f\u007f\u009f")]
    [InlineData("lone \ud800 surrogate")]
    public void Encode_AnyValue_IsAValidKeyAndDecodesBack(string value)
    {
        var key = TableKeys.Encode(value);

        TableKeys.Validate(key, "key");
        Assert.DoesNotContain(TableKeys.Separator, key);
        Assert.Equal(value, TableKeys.Decode(key));
    }

    [Fact]
    public void Encode_Prefix_StaysAPrefixOfTheEncodedValue()
    {
        Assert.StartsWith(TableKeys.Encode("ann/"), TableKeys.Encode("ann/lee"), StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_RawForbiddenCharacter_IsRejectedBeforeSending()
    {
        Assert.Throws<ArgumentException>(() => TableKeys.Validate("a/b", "row key"));
        Assert.Throws<ArgumentException>(() => TableKeys.Validate(new string('k', 1025), "row key"));
    }

    [Fact]
    public void Quote_SingleQuote_IsDoubled()
    {
        Assert.Equal("Name eq 'O''Brien'", TableFilter.Equal("Name", "O'Brien"));
    }
}
