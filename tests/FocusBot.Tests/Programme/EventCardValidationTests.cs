using System.Text.Json;
using FocusBot.Cards;
using FocusBot.Domain.Programme;
using FocusBot.Programme;
using FocusBot.Tests.Trends.Support;
using FocusBot.TestSupport;

namespace FocusBot.Tests.Programme;

/// <summary>The event cards at their largest against the Adaptive Card 1.5 schema, Microsoft's renderer and Teams' 28 KB limit.</summary>
public sealed class EventCardValidationTests
{
    [Fact]
    public async Task EventCards_AllVariantsAtTheirLargest_PassTheCardValidator()
    {
        var teams = Enumerable.Range(0, ProgrammeEvent.MaxTeams).ToDictionary(i => $"19:team-{i}@thread.tacv2", i => $"Team {i} " + new string('n', 72));
        ProgrammeEvent Largest(int i) => new()
        {
            Id = "e" + i,
            TenantId = TrendWorld.Tenant,
            Kind = ProgrammeEventKind.CustomerFocusTeamFormed,
            Title = new string('T', ProgrammeEvent.MaxTitle),
            Date = new DateOnly(2026, 2, 4),
            TeamIds = [.. teams.Keys],
            RecordedByAadObjectId = "hr",
            RecordedAt = TrendWorld.Start,
        };

        await using var world = await TrendWorld.CreateAsync();
        for (var week = 0; week < 9; week++)
        {
            var pulse = await world.OpenPulseAsync(week, SampleQuestions.Quiz, SampleQuestions.Frequency, SampleQuestions.Agreement);
            foreach (var team in (string[])["team-a", "team-b", "team-c"])
            {
                foreach (var question in (Domain.Questions.Question[])[SampleQuestions.Quiz, SampleQuestions.Frequency, SampleQuestions.Agreement])
                    await world.CohortAsync(pulse, question, $"{team}-", ["1", "2", "3", "4", "1", "3"], team);
            }

            await world.CloseAsync(pulse);
        }

        await world.SealAsync();
        var teamEvent = Largest(0) with { TeamIds = ["team-a"] };
        async Task<BeforeAfterReport> CompareAsync(ProgrammeEvent programmeEvent) =>
            BeforeAfter.Compare(programmeEvent, await world.Gate.PublishAsync(BeforeAfter.RequestFor(programmeEvent, 4), CancellationToken.None), 4);

        var problems = new[] { "Title is required.", "Date: please pick a date from the calendar (for example 2027-01-31).", "Kind: please choose one of the options offered." };
        var cards = new Dictionary<string, AdaptiveCard>
        {
            ["EventForm.Empty"] = EventFormCard.Create(teams, new DateOnly(2026, 12, 5)),
            ["EventForm.Problems"] = EventFormCard.Create(teams, new DateOnly(2026, 12, 5), JsonDocument.Parse("""{"title":"x","teams":"19:team-1@thread.tacv2"}""").RootElement, problems),
            ["EventForm.NoTeams"] = EventFormCard.Create(new Dictionary<string, string>(), new DateOnly(2026, 12, 5)),
            ["EventList.FullPage"] = EventListCard.Create([.. Enumerable.Range(0, EventListCard.PageSize).Select(Largest)], EventListCard.PageSize, hasMore: true, teams),
            ["EventList.Empty"] = EventListCard.Create([], 0, hasMore: false, teams),
            ["BeforeAfter.Team"] = BeforeAfterCard.Create(await CompareAsync(teamEvent), teams),
            ["BeforeAfter.Organisation"] = BeforeAfterCard.Create(await CompareAsync(Largest(1) with { TeamIds = [] }), teams),
        };

        var report = await CardValidator.ValidateAsync(cards.ToDictionary(c => c.Key, c => c.Value.ToUtf8Bytes()), TestContext.Current.CancellationToken);

        Assert.True(report.ExitCode == 0, report.Output);
        Assert.Equal(cards.Count, report.CheckedCount);
        Assert.Empty(report.Problems);
    }
}
