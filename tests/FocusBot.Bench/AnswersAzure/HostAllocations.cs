using System.Globalization;
using System.Net.Sockets;
using System.Text;

namespace FocusBot.Bench.AnswersAzure;

/// <summary>
/// Reads the bytes a host process has allocated since it started, through the <see cref="StartupHook"/> this bench puts
/// into it: the environment below makes the runtime load this assembly into the host and run the hook before Main.
/// </summary>
internal sealed class HostAllocations(string socketPath)
{
    public static HostAllocations For(string folder) => new(Path.Combine(folder, "allocations.sock"));

    /// <summary>Variables that load the hook into the host and tell it where to listen.</summary>
    public IReadOnlyDictionary<string, string?> Environment => new Dictionary<string, string?>
    {
        ["DOTNET_STARTUP_HOOKS"] = typeof(StartupHook).Assembly.Location,
        [StartupHook.SocketVariable] = socketPath,
        // The host runs Server GC, whose dynamic heap count (DATAS, on by default since .NET 9) makes the total go down when
        // a heap is retired (dotnet/runtime#131069: it sums the active heaps only); a first run measured negative
        // allocations with it. A fixed heap count, the same for every host compared, keeps the total monotonic.
        ["DOTNET_GCDynamicAdaptationMode"] = "0",
    };

    public async Task<long> ReadAsync()
    {
        using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        await socket.ConnectAsync(new UnixDomainSocketEndPoint(socketPath));
        var buffer = new byte[32];
        var length = 0;
        for (var read = -1; read != 0; length += read)
            read = await socket.ReceiveAsync(buffer.AsMemory(length));
        return long.Parse(Encoding.ASCII.GetString(buffer, 0, length), CultureInfo.InvariantCulture);
    }
}
