using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace FocusBot.TestSupport;

/// <summary>Loopback ports for the servers tests start, so parallel runs and other engineers' servers do not collide.</summary>
public static class LoopbackPorts
{
    /// <summary>
    /// A TCP port on 127.0.0.1 that was free a moment ago, for a server about to start on it. On a busy machine another
    /// process could take it first; the servers tests start fail loudly when that happens.
    /// </summary>
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>
    /// An http address on a loopback port nothing listens on: every connection is refused, as by a Connector that is down.
    /// The port was free a moment ago; on a busy machine another test could take it, so use it for short checks only.
    /// </summary>
    public static string Refusing() => string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{Free()}/");
}
