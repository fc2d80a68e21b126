using System.Reflection;
using FocusBot.Domain.Storage;

namespace FocusBot.Tests.Support;

/// <summary>Any store interface whose every call fails as an unreachable store does.</summary>
public class UnreachableStore : DispatchProxy
{
    public static T Create<T>()
        where T : class => DispatchProxy.Create<T, UnreachableStore>();

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args) =>
        throw new StorageUnavailableException($"The test's store is unreachable ({targetMethod?.Name}).");
}
