using System.Text.RegularExpressions;

namespace FocusBot.Storage.AzureTables;

/// <summary>The tables FocusBot uses, each with the configured prefix. README.md describes their keys.</summary>
internal sealed partial class AzureTableNames
{
    public AzureTableNames(string? prefix)
    {
        prefix ??= string.Empty;
        if (prefix.Length > 0 && !PrefixPattern().IsMatch(prefix))
        {
            throw new ArgumentException("Storage:AzureTables:TablePrefix must start with a letter and hold only letters and digits (at most 40).", nameof(prefix));
        }

        Conversations = prefix + "Conversations";
        TeamInstalls = prefix + "TeamInstalls";
        RosterMembers = prefix + "RosterMembers";
        RosterMemberships = prefix + "RosterMemberships";
        RosterNames = prefix + "RosterNames";
        RosterObjectIds = prefix + "RosterObjectIds";
        Questions = prefix + "Questions";
        Pulses = prefix + "Pulses";
        Deliveries = prefix + "Deliveries";
        Ledgers = prefix + "Ledgers";
        Answers = prefix + "Answers";
        CountedAnswers = prefix + "CountedAnswers";
        AnsweredMarks = prefix + "AnsweredMarks";
        Insights = prefix + "Insights";
        InsightsByTenant = prefix + "InsightsByTenant";
        Recognitions = prefix + "Recognitions";
        RecognitionsByTenant = prefix + "RecognitionsByTenant";
        RecognitionsByRecipient = prefix + "RecognitionsByRecipient";
        RecognitionsByAuthor = prefix + "RecognitionsByAuthor";
        PersonMarks = prefix + "PersonMarks";
        Roles = prefix + "Roles";
        Settings = prefix + "Settings";
        AggregatePeriods = prefix + "AggregatePeriods";
        AggregateTerms = prefix + "AggregateTerms";
        AggregateGroups = prefix + "AggregateGroups";
        Leases = prefix + "Leases";
        InboundActivities = prefix + "InboundActivities";
        Notices = prefix + "Notices";
        Actions = prefix + "Actions";
        ProgrammeEvents = prefix + "ProgrammeEvents";
        Kpis = prefix + "Kpis";
        KpiKeys = prefix + "KpiKeys";
        ReviewItems = prefix + "ReviewItems";
    }

    public string Conversations { get; }

    public string TeamInstalls { get; }

    public string RosterMembers { get; }

    public string RosterMemberships { get; }

    public string RosterNames { get; }

    public string RosterObjectIds { get; }

    public string Questions { get; }

    public string Pulses { get; }

    public string Deliveries { get; }

    public string Ledgers { get; }

    public string Answers { get; }

    public string CountedAnswers { get; }

    public string AnsweredMarks { get; }

    public string Insights { get; }

    public string InsightsByTenant { get; }

    public string Recognitions { get; }

    public string RecognitionsByTenant { get; }

    public string RecognitionsByRecipient { get; }

    public string RecognitionsByAuthor { get; }

    public string PersonMarks { get; }

    public string Roles { get; }

    public string Settings { get; }

    public string AggregatePeriods { get; }

    public string AggregateTerms { get; }

    public string AggregateGroups { get; }

    public string Leases { get; }

    public string InboundActivities { get; }

    public string Notices { get; }

    public string Actions { get; }

    public string ProgrammeEvents { get; }

    public string Kpis { get; }

    public string KpiKeys { get; }

    public string ReviewItems { get; }

    public IReadOnlyList<string> All =>
    [
        Conversations, TeamInstalls, RosterMembers, RosterMemberships, RosterNames, RosterObjectIds, Questions, Pulses, Deliveries,
        Ledgers, Answers, CountedAnswers, AnsweredMarks, Insights, InsightsByTenant, Recognitions, RecognitionsByTenant, RecognitionsByRecipient, RecognitionsByAuthor, PersonMarks,
        Roles, Settings, AggregatePeriods, AggregateTerms, AggregateGroups, Leases, InboundActivities, Notices, Actions, ProgrammeEvents, Kpis, KpiKeys, ReviewItems,
    ];

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9]{0,39}$")]
    private static partial Regex PrefixPattern();
}
