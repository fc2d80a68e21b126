using System.Globalization;

namespace FocusBot.TestSupport;

/// <summary>
/// Which of our child processes holds which TCP connection, read from Linux's /proc: the process's open sockets matched
/// against the kernel's TCP table. With the port a server saw a request come from, it tells a test which FocusBot
/// instance sent it, without relying on the bot's logs or its store.
/// </summary>
public static class LoopbackConnections
{
    private const string Established = "01";

    /// <summary>Established TCP connections from <paramref name="processId"/> to <paramref name="remotePort"/>; 0 for a process that is gone.</summary>
    public static int CountTo(int processId, int remotePort) => Of(processId).Count(c => c.RemotePort == remotePort);

    /// <summary>Whether <paramref name="processId"/> holds the connection from <paramref name="localPort"/> to <paramref name="remotePort"/>.</summary>
    public static bool Owns(int processId, int localPort, int remotePort) =>
        Of(processId).Any(c => c.LocalPort == localPort && c.RemotePort == remotePort);

    /// <summary>The established TCP connections of one process (as seen in its network namespace).</summary>
    private static List<(int LocalPort, int RemotePort)> Of(int processId)
    {
        var sockets = SocketInodes(processId);
        var connections = new List<(int, int)>();
        if (sockets.Count == 0)
            return connections;
        foreach (var table in new[] { "tcp", "tcp6" })
        {
            foreach (var line in ReadLines($"/proc/{processId}/net/{table}").Skip(1))
            {
                // sl local_address rem_address st tx_queue:rx_queue tr:tm->when retrnsmt uid timeout inode ...
                var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (fields.Length > 9 && fields[3] == Established && sockets.Contains(fields[9]))
                    connections.Add((PortOf(fields[1]), PortOf(fields[2])));
            }
        }

        return connections;
    }

    private static HashSet<string> SocketInodes(int processId)
    {
        var inodes = new HashSet<string>(StringComparer.Ordinal);
        try
        {
            foreach (var descriptor in Directory.EnumerateFileSystemEntries($"/proc/{processId}/fd"))
            {
                try
                {
                    // A socket's descriptor links to "socket:[inode]".
                    if (new FileInfo(descriptor).LinkTarget is { } target && target.StartsWith("socket:[", StringComparison.Ordinal))
                        inodes.Add(target["socket:[".Length..^1]);
                }
                catch (IOException)
                {
                    // Closed while we looked.
                }
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // The process is gone.
        }

        return inodes;
    }

    private static string[] ReadLines(string path)
    {
        try
        {
            return File.ReadAllLines(path);
        }
        catch (IOException)
        {
            return [];
        }
    }

    private static int PortOf(string address) =>
        int.Parse(address.AsSpan(address.LastIndexOf(':') + 1), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
}
