using System.Text;

namespace FocusBot.Domain;

/// <summary>
/// A 32-bit hash that is the same in every process, on every machine and in every release: 32-bit FNV-1a over UTF-8.
/// Azure keys are bucketed by it and pulses order their items by it, so changing it would move stored rows out of
/// reach; string.GetHashCode cannot serve, as it is randomised per process.
/// </summary>
public static class StableHash
{
    private const uint OffsetBasis = 2166136261u;
    private const uint Prime = 16777619u;

    public static uint Of(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var hash = OffsetBasis;
        foreach (var b in Encoding.UTF8.GetBytes(text))
            hash = unchecked((hash ^ b) * Prime);
        return hash;
    }
}
