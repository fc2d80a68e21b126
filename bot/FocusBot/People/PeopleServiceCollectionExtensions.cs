using Microsoft.Extensions.DependencyInjection.Extensions;

namespace FocusBot.People;

/// <summary>People and rosters, shared by every feature that names or finds a person.</summary>
public static class PeopleServiceCollectionExtensions
{
    /// <summary>Safe to call from each feature that needs them: registers once.</summary>
    public static IServiceCollection AddPeople(this IServiceCollection services)
    {
        services.TryAddSingleton<TeamRosterSync>();
        services.TryAddSingleton<PeoplePicker>();
        return services;
    }
}
