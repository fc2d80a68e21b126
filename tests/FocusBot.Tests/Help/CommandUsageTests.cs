using FocusBot.Commands;
using FocusBot.Domain.Trends;
using FocusBot.Trends;

namespace FocusBot.Tests.Help;

/// <summary>What help tells people to type must be what FocusBot reads as that command, with the arguments its handler takes.</summary>
public sealed class CommandUsageTests
{
    public static TheoryData<string> Names => [.. CommandCatalog.All.Select(c => c.Name)];

    [Theory]
    [MemberData(nameof(Names))]
    public void Usage_EachFormAndTheExample_IsReadAsThatCommand(string name)
    {
        var command = CommandCatalog.All.Single(c => c.Name == name);

        Assert.All(command.Usage.Forms.Append(command.Usage.Example), line => Assert.Same(command, CommandTyped(line)));
    }

    [Fact]
    public void TrendsExample_NamesATeamAndAPeriod_AsTheTrendsCommandReadsIt()
    {
        var example = CommandCatalog.Trends.Usage.Example;

        var read = TrendsArguments.Parse(example[CommandCatalog.Trends.Name.Length..]);

        Assert.Equal(new TrendsArguments("Sales", null, PeriodKind.Month, 6), read);
    }

    // The router's rule: the longest name or alias the text is, or starts with before a space.
    private static BotCommand? CommandTyped(string text) => CommandCatalog.All
        .SelectMany(c => c.Aliases.Prepend(c.Name).Select(n => (Name: n, Command: c)))
        .OrderByDescending(x => x.Name.Length)
        .FirstOrDefault(x => text.Equals(x.Name, StringComparison.OrdinalIgnoreCase) || text.StartsWith(x.Name + " ", StringComparison.OrdinalIgnoreCase))
        .Command;
}
