using System.Globalization;

namespace FocusBot.TestSupport;

/// <summary>
/// Which of our child processes is talking to a local server right now, read from Linux's /proc: the process's open
/// sockets matched against the kernel's TCP table. It tells a test which FocusBot instance is sending without relying on
/// the bot's logs or its store.
/// </summary>
public static class LoopbackConnections
{
    private const string Established = "01";

    /// <summary>Established TCP connections from <paramref name="processId"/> to <paramref name="remotePort"/>; 0 for a process that is gone.</summary>
    public static int CountTo(int processId, int remotePort)
    {
        var sockets = SocketInodes(processId);
        if (sockets.Count == 0)
            return 0;
        var count = 0;
        foreach (var table in new[] { "tcp", "tcp6" })
        {
            foreach (var line in ReadLines($"/proc/{processId}/net/{table}").Skip(1))
            {
                // sl local_address rem_address st tx_queue:rx_queue tr:tm->when retrnsmt uid timeout inode ...
                var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (fields.Length > 9 && fields[3] == Established && PortOf(fields[2]) == remotePort && sockets.Contains(fields[9]))
                    count++;
            }
        }

        return count;
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
