using FocusBot.Questions;
namespace FocusBot.Tests.Questions;

public sealed class PastedImportTests
{
    [Fact]
    public void Extract_TextBelowTheCommand_StartsAtItsFirstLine()
    {
        Assert.Equal("id,text\na-x,Hi", PastedImport.Extract("Questions Import  \n \nid,text\na-x,Hi\n"));
    }

    [Fact]
    public void Extract_CodeFenceAndNoBreakSpaces_AreRemoved()
    {
        Assert.Equal("[\n  { \"id\": \"a\" }\n]", PastedImport.Extract("questions import\n```json\n[\n\u00A0 { \"id\": \"a\" }\n]\n```"));
    }

    [Theory]
    [InlineData("questions import")]
    [InlineData("questions import   \n  \n")]
    [InlineData("questions list")]
    [InlineData(null)]
    public void Extract_NothingPasted_IsEmpty(string? text)
    {
        Assert.Equal(string.Empty, PastedImport.Extract(text));
    }
}
