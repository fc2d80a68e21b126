namespace FocusBot.Development;

/// <summary>The Microsoft 365 Agents Playground that `dotnet run` starts in Development as FocusBot's chat client.</summary>
public sealed class PlaygroundOptions
{
    public const string Section = "DevTools:Playground";

    public bool Enabled { get; set; } = true;

    public int Port { get; set; } = 56150;
}
