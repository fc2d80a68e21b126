using FocusBot.Messaging;
using FocusBot.People;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace FocusBot.Privacy;

/// <summary>
/// Pseudonyms for answers, the group-size thresholds every figure and card keeps to, and erasure on request (the Admin's
/// `erase` command).
/// </summary>
public static class PrivacyServiceCollectionExtensions
{
    public static IServiceCollection AddPrivacy(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddOptions<PrivacyOptions>().Bind(configuration.GetSection(PrivacyOptions.Section))
            .Validate(o => environment.IsDevelopment() || o.PseudonymSecret is { Length: >= 16 },
                "Privacy:PseudonymSecret (at least 16 characters) is required outside Development.")
            // App Service passes an unresolved Key Vault reference through as its literal text.
            .Validate(o => o.PseudonymSecret?.StartsWith("@Microsoft.KeyVault(", StringComparison.Ordinal) != true,
                "Privacy:PseudonymSecret is an unresolved Key Vault reference: check the web app's identity can read the secret.")
            .ValidateOnStart();
        services.AddOptions<PrivacyThresholdsOptions>().Bind(configuration.GetSection(PrivacyThresholdsOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<PrivacyThresholdsOptions>, ThresholdsValidator>();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<PrivacyThresholdsOptions>>().Value.ToThresholds());
        services.AddSingleton<Pseudonyms>();
        services.AddPeople();
        services.TryAddSingleton(new ErasureReply());
        services.AddSingleton<ErasureTargets>();
        services.AddSingleton<EraseCommand>();
        services.AddSingleton<ICommandHandler>(sp => sp.GetRequiredService<EraseCommand>());
        services.AddSingleton<ICardActionHandler>(sp => sp.GetRequiredService<EraseCommand>());
        return services;
    }

    /// <summary>Refuses to start with a minimum group size under 3 (or other unsafe thresholds).</summary>
    private sealed class ThresholdsValidator : IValidateOptions<PrivacyThresholdsOptions>
    {
        public ValidateOptionsResult Validate(string? name, PrivacyThresholdsOptions options) =>
            options.ToThresholds().Problems() is { Count: > 0 } problems ? ValidateOptionsResult.Fail(problems) : ValidateOptionsResult.Success;
    }
}
