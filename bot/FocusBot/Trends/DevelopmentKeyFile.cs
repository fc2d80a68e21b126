using System.Security.Cryptography;
using System.Text;

namespace FocusBot.Trends;

/// <summary>
/// The Development report-link key, kept in the data folder so links still open after a restart. Made on first use from
/// random bytes; the file is readable and writable by its owner only, since whoever reads it can sign a link to the HR
/// report (Development data is synthetic, but the habit is the one production needs).
/// </summary>
public static class DevelopmentKeyFile
{
    public const string FileName = "report-links.key";

    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    public static string PathIn(string folder) => Path.Combine(Path.GetFullPath(folder), FileName);

    /// <exception cref="InvalidOperationException">The file exists but does not hold a usable key.</exception>
    public static byte[] LoadOrCreate(string folder, int length)
    {
        var path = PathIn(folder);
        if (Read(path, length) is { } existing)
            return existing;

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var key = RandomNumberGenerator.GetBytes(length);
        // Written whole under a name of its own, then moved into place without replacing: two hosts starting together
        // over one folder end up with the same key, whichever wrote first.
        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        var create = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
            create.UnixCreateMode = OwnerOnly;
        using (var stream = new FileStream(temporary, create))
        {
            stream.Write(Encoding.ASCII.GetBytes(Convert.ToBase64String(key)));
            stream.Flush(flushToDisk: true);
        }

        try
        {
            File.Move(temporary, path, overwrite: false);
            return key;
        }
        catch (IOException) when (File.Exists(path))
        {
            File.Delete(temporary);
            return Read(path, length) ?? throw Unusable(path);
        }
    }

    private static byte[]? Read(string path, int length)
    {
        if (!File.Exists(path))
            return null;
        // A file copied in with wider permissions is narrowed, not trusted as it is.
        if (!OperatingSystem.IsWindows() && (File.GetUnixFileMode(path) & ~OwnerOnly) != 0)
            File.SetUnixFileMode(path, OwnerOnly);
        try
        {
            var bytes = Convert.FromBase64String(File.ReadAllText(path).Trim());
            return bytes.Length >= length ? bytes : throw Unusable(path);
        }
        catch (FormatException)
        {
            throw Unusable(path);
        }
    }

    private static InvalidOperationException Unusable(string path) =>
        new($"The Development report-link key '{path}' is not a usable key; delete it and FocusBot makes a new one (report links made before stop working).");
}
