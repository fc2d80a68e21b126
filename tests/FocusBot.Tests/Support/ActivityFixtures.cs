namespace FocusBot.Tests.Support;

/// <summary>Activity JSON modelled on real Teams payloads, with the service URL pointed at the test's Connector.</summary>
public static class ActivityFixtures
{
    public static string Load(string name, string serviceUrl) =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", "Activities", name + ".json"))
            .Replace("{{serviceUrl}}", serviceUrl, StringComparison.Ordinal);
}
