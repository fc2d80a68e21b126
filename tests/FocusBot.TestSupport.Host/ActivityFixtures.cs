namespace FocusBot.TestSupport;

/// <summary>
/// Activity JSON modelled on real Teams payloads (TestData/Activities, embedded in this assembly), with the service URL
/// pointed at the test's Connector.
/// </summary>
public static class ActivityFixtures
{
    public static string Load(string name, string serviceUrl)
    {
        using var stream = typeof(ActivityFixtures).Assembly.GetManifestResourceStream($"Activities/{name}.json")
            ?? throw new FileNotFoundException($"No captured activity {name}.json in TestData/Activities of FocusBot.TestSupport.Host.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().Replace("{{serviceUrl}}", serviceUrl, StringComparison.Ordinal);
    }
}
