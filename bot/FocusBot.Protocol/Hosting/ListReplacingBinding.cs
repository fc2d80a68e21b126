using System.Collections;
using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FocusBot.Protocol.Hosting;

/// <summary>Binding where a configured list replaces the default list of an options type instead of extending it.</summary>
public static class ListReplacingBinding
{
    /// <summary>
    /// Binds <paramref name="section"/> like <c>Bind</c>, then binds every list or array property the section sets again
    /// into an empty collection. The binder appends configured items to whatever a property initialiser put in the list, so
    /// with plain <c>Bind</c> a configured <c>Pulse:Reminders:0</c> would come after the two defaults rather than replace
    /// them. Dictionaries are left merged: a configured key replacing that key alone is what a dictionary setting means.
    /// </summary>
    public static OptionsBuilder<T> BindReplacingLists<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicProperties)] T>(
        this OptionsBuilder<T> builder, IConfigurationSection section)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(section);
        builder.Bind(section);
        builder.Configure(options =>
        {
            foreach (var property in typeof(T).GetProperties(BindingFlags.Public | BindingFlags.Instance))
            {
                if (property.CanWrite && property.GetIndexParameters().Length == 0 && IsList(property.PropertyType)
                    && section.GetSection(property.Name) is { } configured && configured.GetChildren().Any())
                    property.SetValue(options, configured.Get(property.PropertyType));
            }
        });
        return builder;
    }

    private static bool IsList(Type type) =>
        type != typeof(string)
        && typeof(IEnumerable).IsAssignableFrom(type)
        && !type.GetInterfaces().Append(type).Any(i => i.IsGenericType
            && (i.GetGenericTypeDefinition() == typeof(IDictionary<,>) || i.GetGenericTypeDefinition() == typeof(IReadOnlyDictionary<,>)));
}
