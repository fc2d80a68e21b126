namespace FocusBot.Commands;

/// <summary>The sections of the help card, in the order it shows them.</summary>
public enum CommandGroup
{
    Pulse,
    InsightsAndRecognition,
    Programme,
    Administration,
    Help,
}

public static class CommandGroups
{
    public static string TitleOf(CommandGroup group) => group switch
    {
        CommandGroup.Pulse => "Your weekly pulse",
        CommandGroup.InsightsAndRecognition => "Customer insights and recognition",
        CommandGroup.Programme => "Running the programme",
        CommandGroup.Administration => "Administration",
        _ => "Help",
    };
}
