using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace FocusBot.TestSupport;

/// <summary>Loopback addresses for tests.</summary>
public static class LoopbackPorts
{
    /// <summary>
    /// An http address on a loopback port nothing listens on: every connection is refused, as by a Connector that is down.
    /// The port was free a moment ago; on a busy machine another test could take it, so use it for short checks only.
    /// </summary>
    public static string Refusing()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}/");
    }
}
