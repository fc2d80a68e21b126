#!/usr/bin/env dotnet
// Draws FocusBot's two Teams icons, a focus target, and writes them next to manifest.json:
//   color.png   192x192, white target on the accent colour (Teams shows it in the store and app details)
//   outline.png  32x32,  white target on transparent (Teams tints it for the app bar)
// Run from the repository root:  dotnet run manifest/tools/make-icons.cs
// The PNGs are committed; rerun only when the design changes. Output is deterministic for a given .NET version.
using System.Buffers.Binary;
using System.IO.Compression;

var manifestDirectory = Path.GetFullPath(args.Length > 0 ? args[0] : "manifest");
if (!File.Exists(Path.Combine(manifestDirectory, "manifest.json")))
{
    Console.Error.WriteLine($"No manifest.json in {manifestDirectory}. Run from the repository root or pass the manifest folder.");
    return 1;
}

// Keep in step with accentColor in manifest.json: Teams uses it behind the colour icon.
var accent = (R: (byte)0x0E, G: (byte)0x7C, B: (byte)0x86);

// Radii as fractions of the icon size: dot, gap, ring, gap, ring. The colour icon keeps the symbol inside the
// central area Teams recommends so it survives the rounded-square crop; the outline icon uses the full 32 px.
Ring[] colorTarget = [new(0, 12 / 192.0), new(22 / 192.0, 34 / 192.0), new(44 / 192.0, 56 / 192.0)];
Ring[] outlineTarget = [new(0, 3 / 32.0), new(6 / 32.0, 9 / 32.0), new(12 / 32.0, 15 / 32.0)];

var color = Render(192, colorTarget, coverage =>
{
    // Opaque everywhere: blend white over the accent by the coverage of the target.
    byte Blend(byte background) => (byte)Math.Round(background + ((255 - background) * coverage));
    return (Blend(accent.R), Blend(accent.G), Blend(accent.B), (byte)255);
});
var outline = Render(32, outlineTarget, coverage => ((byte)255, (byte)255, (byte)255, (byte)Math.Round(255 * coverage)));

File.WriteAllBytes(Path.Combine(manifestDirectory, "color.png"), Png.Encode(192, 192, color));
File.WriteAllBytes(Path.Combine(manifestDirectory, "outline.png"), Png.Encode(32, 32, outline));
Console.WriteLine($"Wrote color.png (192x192) and outline.png (32x32) to {manifestDirectory}");
return 0;

// Anti-aliased by 8x8 supersampling: the edge pixels get partial coverage instead of jagged steps.
static byte[] Render(int size, Ring[] rings, Func<double, (byte R, byte G, byte B, byte A)> shade)
{
    const int Samples = 8;
    var rgba = new byte[size * size * 4];
    var centre = size / 2.0;
    for (var y = 0; y < size; y++)
    {
        for (var x = 0; x < size; x++)
        {
            var inside = 0;
            for (var sy = 0; sy < Samples; sy++)
            {
                for (var sx = 0; sx < Samples; sx++)
                {
                    var dx = (x + ((sx + 0.5) / Samples) - centre) / size;
                    var dy = (y + ((sy + 0.5) / Samples) - centre) / size;
                    var distance = Math.Sqrt((dx * dx) + (dy * dy));
                    if (rings.Any(ring => distance >= ring.Inner && distance <= ring.Outer))
                    {
                        inside++;
                    }
                }
            }

            var (r, g, b, a) = shade(inside / (double)(Samples * Samples));
            var offset = ((y * size) + x) * 4;
            rgba[offset] = r;
            rgba[offset + 1] = g;
            rgba[offset + 2] = b;
            rgba[offset + 3] = a;
        }
    }

    return rgba;
}

/// <summary>A filled annulus, radii as fractions of the icon size (Inner 0 is a disc).</summary>
internal readonly record struct Ring(double Inner, double Outer);

/// <summary>Minimal PNG writer: 8-bit RGBA, no interlace, filter 0, one zlib IDAT chunk.</summary>
internal static class Png
{
    private static readonly uint[] CrcTable = BuildCrcTable();

    public static byte[] Encode(int width, int height, byte[] rgba)
    {
        using var png = new MemoryStream();
        png.Write([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);

        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(0), width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8; // bit depth
        header[9] = 6; // colour type: truecolour with alpha
        WriteChunk(png, "IHDR", header);

        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            var stride = width * 4;
            for (var row = 0; row < height; row++)
            {
                zlib.WriteByte(0); // filter type None for every scanline
                zlib.Write(rgba, row * stride, stride);
            }
        }

        WriteChunk(png, "IDAT", compressed.ToArray());
        WriteChunk(png, "IEND", []);
        return png.ToArray();
    }

    private static void WriteChunk(Stream png, string type, byte[] data)
    {
        Span<byte> number = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(number, data.Length);
        png.Write(number);

        var typeAndData = new byte[4 + data.Length];
        for (var i = 0; i < 4; i++)
        {
            typeAndData[i] = (byte)type[i];
        }

        data.CopyTo(typeAndData, 4);
        png.Write(typeAndData);
        BinaryPrimitives.WriteUInt32BigEndian(number, Crc32(typeAndData));
        png.Write(number);
    }

    // CRC-32 (IEEE 802.3, reflected 0xEDB88320) over chunk type and data, as the PNG specification requires.
    private static uint Crc32(byte[] bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var value in bytes)
        {
            crc = CrcTable[(crc ^ value) & 0xFF] ^ (crc >> 8);
        }

        return crc ^ 0xFFFFFFFFu;
    }

    private static uint[] BuildCrcTable()
    {
        var table = new uint[256];
        for (var n = 0u; n < 256; n++)
        {
            var c = n;
            for (var k = 0; k < 8; k++)
            {
                c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            }

            table[n] = c;
        }

        return table;
    }
}
