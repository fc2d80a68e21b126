using System.Diagnostics;
using System.Reflection;

namespace FocusBot.Bench.Proactive;

/// <summary>
/// A second process that keeps one core busy, so a run can be measured on a loaded machine the same way every time.
/// It is this bench started again with <see cref="Argument"/>; it spins until its standard input closes, so it also
/// ends when the bench dies without disposing it.
/// </summary>
internal sealed class BusyCore : IDisposable
{
    public const string Argument = "--burn-one-core";

    private readonly Process _process;

    private BusyCore(Process process) => _process = process;

    public int ProcessId => _process.Id;

    public static BusyCore Start()
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardInput = true, UseShellExecute = false };
        // `dotnet FocusBot.Bench.dll` runs under the shared host, which needs the assembly before our argument.
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet")
            start.ArgumentList.Add(Assembly.GetEntryAssembly()!.Location);
        start.ArgumentList.Add(Argument);
        return new BusyCore(Process.Start(start)!);
    }

    /// <summary>The child's whole life: one thread spinning, one blocked on standard input until the parent lets go.</summary>
    public static int Spin()
    {
        var watcher = new Thread(() =>
        {
            Console.In.ReadToEnd();
            Environment.Exit(0);
        })
        { IsBackground = true };
        watcher.Start();
        long turns = 0;
        while (true)
            Volatile.Write(ref turns, turns + 1);
    }

    public void Dispose()
    {
        // Killed by the id of the process we started, never by name: other engineers run dotnet on this machine too.
        if (!_process.HasExited)
            _process.Kill();
        _process.WaitForExit();
        _process.Dispose();
    }
}
