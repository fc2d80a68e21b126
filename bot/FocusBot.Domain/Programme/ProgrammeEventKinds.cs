namespace FocusBot.Domain.Programme;

/// <summary>The kinds of programme event as people name them: in the form, the list, the comparison and the chart markers.</summary>
public static class ProgrammeEventKinds
{
    public static IReadOnlyList<ProgrammeEventKind> All { get; } = Enum.GetValues<ProgrammeEventKind>();

    public static string Title(ProgrammeEventKind kind) => kind switch
    {
        ProgrammeEventKind.Workshop => "Workshop",
        ProgrammeEventKind.Training => "Training",
        ProgrammeEventKind.CustomerClinic => "Customer clinic",
        ProgrammeEventKind.FocusGroup => "Focus group",
        ProgrammeEventKind.CustomerFocusTeamFormed => "Customer focus team formed",
        ProgrammeEventKind.PolicyChange => "Policy change",
        _ => kind.ToString(),
    };
}
