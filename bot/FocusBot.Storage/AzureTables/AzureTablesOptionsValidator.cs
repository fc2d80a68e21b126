using System.Globalization;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;

namespace FocusBot.Storage.AzureTables;

/// <summary>Refuses to start with Azure Tables settings that cannot work, naming the configuration key to fix.</summary>
internal sealed class AzureTablesOptionsValidator : IValidateOptions<AzureTablesOptions>
{
    public const string NoConnection =
        "Storage:Provider is AzureTables but neither Storage:AzureTables:ConnectionString nor Storage:AzureTables:Endpoint is set.";

    private const string Section = AzureTablesOptions.SectionName;

    public ValidateOptionsResult Validate(string? name, AzureTablesOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (!string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            if (ConnectionStringProblem(options.ConnectionString) is { } problem)
            {
                failures.Add($"{Section}:ConnectionString is not a usable storage connection string: {problem}");
            }
        }
        else if (options.Endpoint is null)
        {
            failures.Add(NoConnection);
        }
        else if (!options.Endpoint.IsAbsoluteUri)
        {
            failures.Add($"{Section}:Endpoint '{options.Endpoint.OriginalString}' is not an absolute URL.");
        }

        Positive(failures, nameof(options.MaxAttempts), options.MaxAttempts);
        Positive(failures, nameof(options.RetryDelayMilliseconds), options.RetryDelayMilliseconds);
        Positive(failures, nameof(options.RequestTimeoutSeconds), options.RequestTimeoutSeconds);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Positive(List<string> failures, string key, double value)
    {
        if (!(value > 0))
        {
            failures.Add($"{Section}:{key} must be a positive number, not '{value.ToString(CultureInfo.InvariantCulture)}'.");
        }
    }

    // The SDK parses the string without any I/O, so a typo is caught at start rather than on the first request.
    private static string? ConnectionStringProblem(string connectionString)
    {
        try
        {
            _ = new TableServiceClient(connectionString.Trim());
            return null;
        }
        catch (Exception exception) when (exception is FormatException or InvalidOperationException or ArgumentException)
        {
            return exception.Message;
        }
    }
}
