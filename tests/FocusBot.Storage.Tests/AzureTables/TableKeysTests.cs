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

    // Answers and deliveries are stored under these buckets: a different number for the same key would leave stored rows
    // where nobody looks. The values were taken from the stores as released; they must never change.
    [Theory]
    [InlineData("3f2a9c41|29:1abc-def", "04")]
    [InlineData("pulse:2026-W05:tenant", "01")]
    [InlineData("kXb3_Qz9-pseudonym", "15")]
    [InlineData("Zoë Ünal", "02")]
    [InlineData("😀", "08")]
    [InlineData("", "05")]
    public void Bucket_KnownKey_IsTheBucketItWasStoredUnder(string key, string bucket)
    {
        Assert.Equal(bucket, TableKeys.Bucket(key, 16));
    }

    [Fact]
    public void Quote_SingleQuote_IsDoubled()
    {
        Assert.Equal("Name eq 'O''Brien'", TableFilter.Equal("Name", "O'Brien"));
    }
}
