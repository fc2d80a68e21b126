using System.Net;
using System.Net.Sockets;

namespace FocusBot.EndToEnd.Playground;

/// <summary>Free TCP ports on 127.0.0.1, so parallel runs and other engineers' servers do not collide.</summary>
internal static class LoopbackPort
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
