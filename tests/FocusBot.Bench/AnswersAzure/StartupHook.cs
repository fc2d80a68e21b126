using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Net.Sockets;
using System.Text;

/// <summary>
/// Loaded into a FocusBot host process by DOTNET_STARTUP_HOOKS (this bench's own assembly, see
/// <see cref="FocusBot.Bench.AnswersAzure.HostAllocations"/>), so the bench can read how many bytes the host has allocated
/// without changing the host: hosts built from earlier commits are measured the same way. It listens on the Unix socket
/// the variable names and answers every connection with <see cref="GC.GetTotalAllocatedBytes(bool)"/>. It touches only
/// the base library, so none of the bench's own references is loaded into the host.
/// </summary>
[SuppressMessage("Design", "CA1050:Declare types in namespaces", Justification = "The runtime looks for a type named StartupHook in no namespace.")]
internal static class StartupHook
{
    public const string SocketVariable = "FOCUSBOT_BENCH_ALLOCATIONS_SOCKET";

    public static void Initialize()
    {
        var path = Environment.GetEnvironmentVariable(SocketVariable);
        if (string.IsNullOrEmpty(path))
            return;
        var listener = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        listener.Bind(new UnixDomainSocketEndPoint(path));
        listener.Listen(4);
        // A thread of its own that sleeps in Accept: no thread-pool work in the host while nobody asks.
        new Thread(() =>
        {
            while (true)
            {
                using var client = listener.Accept();
                client.Send(Encoding.ASCII.GetBytes(GC.GetTotalAllocatedBytes(precise: true).ToString(CultureInfo.InvariantCulture)));
            }
        })
        { IsBackground = true, Name = "bench allocation probe" }.Start();
    }
}
