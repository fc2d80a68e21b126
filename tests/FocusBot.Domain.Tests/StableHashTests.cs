namespace FocusBot.Domain.Tests;

public sealed class StableHashTests
{
    // The published FNV-1a (32-bit) test vectors, and one text outside ASCII: the hash runs over UTF-8 bytes.
    [Theory]
    [InlineData("", 0x811c9dc5u)]
    [InlineData("a", 0xe40c292cu)]
    [InlineData("foobar", 0xbf9cf968u)]
    [InlineData("Zoë Ünal", 1580777922u)]
    public void Of_KnownText_IsTheFnv1aHashOfItsUtf8Bytes(string text, uint expected)
    {
        Assert.Equal(expected, StableHash.Of(text));
    }
}
