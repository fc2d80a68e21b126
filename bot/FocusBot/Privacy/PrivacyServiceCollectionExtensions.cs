using FocusBot.Messaging;
using FocusBot.People;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace FocusBot.Privacy;

/// <summary>Pseudonyms for answers, and erasure on request (the Admin's `erase` command).</summary>
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
        services.AddSingleton<Pseudonyms>();
        services.AddPeople();
        services.TryAddSingleton(new ErasureReply());
        services.AddSingleton<ErasureTargets>();
        services.AddSingleton<EraseCommand>();
        services.AddSingleton<ICommandHandler>(sp => sp.GetRequiredService<EraseCommand>());
        services.AddSingleton<ICardActionHandler>(sp => sp.GetRequiredService<EraseCommand>());
        return services;
    }
}
