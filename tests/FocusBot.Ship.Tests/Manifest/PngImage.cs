using System.Buffers.Binary;
using System.IO.Compression;

namespace FocusBot.Ship.Tests.Manifest;

/// <summary>
/// A decoded PNG as 8-bit RGBA. Reads what an icon tool may reasonably produce (8-bit grey, grey+alpha, RGB, RGBA and
/// palette with tRNS; all five scanline filters) and checks every chunk CRC, so a truncated or hand-edited file fails.
/// </summary>
internal sealed class PngImage
{
    private static readonly byte[] Signature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    private PngImage(int width, int height, byte[] rgba)
    {
        Width = width;
        Height = height;
        Rgba = rgba;
    }

    public int Width { get; }

    public int Height { get; }

    public byte[] Rgba { get; }

    public (byte R, byte G, byte B, byte A) Pixel(int x, int y)
    {
        var offset = ((y * Width) + x) * 4;
        return (Rgba[offset], Rgba[offset + 1], Rgba[offset + 2], Rgba[offset + 3]);
    }

    public static PngImage Read(byte[] file)
    {
        if (file.Length < Signature.Length || !file.AsSpan(0, Signature.Length).SequenceEqual(Signature))
        {
            throw new InvalidDataException("Not a PNG file: the 8-byte signature is missing.");
        }

        int width = 0, height = 0, colourType = -1;
        byte[]? palette = null;
        byte[]? transparency = null;
        using var idat = new MemoryStream();
        var position = Signature.Length;
        var sawEnd = false;
        while (!sawEnd)
        {
            if (position + 12 > file.Length)
            {
                throw new InvalidDataException("PNG ends before its IEND chunk.");
            }

            var length = BinaryPrimitives.ReadInt32BigEndian(file.AsSpan(position));
            if (length < 0 || position + 12 + length > file.Length)
            {
                throw new InvalidDataException($"PNG chunk at byte {position} runs past the end of the file.");
            }

            var typeAndData = file.AsSpan(position + 4, 4 + length);
            var type = System.Text.Encoding.ASCII.GetString(typeAndData[..4]);
            var data = typeAndData[4..];
            var storedCrc = BinaryPrimitives.ReadUInt32BigEndian(file.AsSpan(position + 8 + length));
            if (Crc32.Compute(typeAndData) != storedCrc)
            {
                throw new InvalidDataException($"PNG chunk {type} has a bad CRC: the file is corrupt.");
            }

            switch (type)
            {
                case "IHDR":
                    width = BinaryPrimitives.ReadInt32BigEndian(data);
                    height = BinaryPrimitives.ReadInt32BigEndian(data[4..]);
                    var bitDepth = data[8];
                    colourType = data[9];
                    var interlace = data[12];
                    if (bitDepth != 8 || interlace != 0 || colourType is 1 or 5 or > 6)
                    {
                        throw new NotSupportedException(
                            $"PNG with bit depth {bitDepth}, colour type {colourType}, interlace {interlace}: save it as 8-bit RGBA.");
                    }

                    break;
                case "PLTE":
                    palette = data.ToArray();
                    break;
                case "tRNS":
                    transparency = data.ToArray();
                    break;
                case "IDAT":
                    idat.Write(data);
                    break;
                case "IEND":
                    sawEnd = true;
                    break;
            }

            position += 12 + length;
        }

        if (colourType < 0 || width <= 0 || height <= 0)
        {
            throw new InvalidDataException("PNG has no valid IHDR chunk.");
        }

        var channels = colourType switch { 0 => 1, 2 => 3, 3 => 1, 4 => 2, _ => 4 };
        var scanlines = Unfilter(Inflate(idat.ToArray()), width, height, channels);
        return new PngImage(width, height, ToRgba(scanlines, width, height, colourType, palette, transparency));
    }

    private static byte[] Inflate(byte[] zlib)
    {
        using var input = new ZLibStream(new MemoryStream(zlib), CompressionMode.Decompress);
        using var output = new MemoryStream();
        input.CopyTo(output);
        return output.ToArray();
    }

    // PNG filters predict each byte from its left (a), upper (b) and upper-left (c) neighbours.
    private static byte[] Unfilter(byte[] raw, int width, int height, int bytesPerPixel)
    {
        var stride = width * bytesPerPixel;
        if (raw.Length < height * (stride + 1))
        {
            throw new InvalidDataException("PNG image data is shorter than its size says.");
        }

        var pixels = new byte[height * stride];
        for (var y = 0; y < height; y++)
        {
            var filter = raw[y * (stride + 1)];
            var source = raw.AsSpan((y * (stride + 1)) + 1, stride);
            var row = pixels.AsSpan(y * stride, stride);
            var previous = y > 0 ? pixels.AsSpan((y - 1) * stride, stride) : new byte[stride];
            for (var i = 0; i < stride; i++)
            {
                int a = i >= bytesPerPixel ? row[i - bytesPerPixel] : 0;
                int b = previous[i];
                int c = i >= bytesPerPixel ? previous[i - bytesPerPixel] : 0;
                var prediction = filter switch
                {
                    0 => 0,
                    1 => a,
                    2 => b,
                    3 => (a + b) / 2,
                    4 => Paeth(a, b, c),
                    _ => throw new InvalidDataException($"PNG scanline {y} has unknown filter type {filter}."),
                };
                row[i] = (byte)(source[i] + prediction);
            }
        }

        return pixels;
    }

    private static int Paeth(int a, int b, int c)
    {
        var p = a + b - c;
        var pa = Math.Abs(p - a);
        var pb = Math.Abs(p - b);
        var pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }

    private static byte[] ToRgba(byte[] pixels, int width, int height, int colourType, byte[]? palette, byte[]? transparency)
    {
        var rgba = new byte[width * height * 4];
        for (var i = 0; i < width * height; i++)
        {
            (byte r, byte g, byte b, byte a) = colourType switch
            {
                0 => (pixels[i], pixels[i], pixels[i], (byte)255),
                2 => (pixels[i * 3], pixels[(i * 3) + 1], pixels[(i * 3) + 2], (byte)255),
                3 => PaletteEntry(pixels[i], palette, transparency),
                4 => (pixels[i * 2], pixels[i * 2], pixels[i * 2], pixels[(i * 2) + 1]),
                _ => (pixels[i * 4], pixels[(i * 4) + 1], pixels[(i * 4) + 2], pixels[(i * 4) + 3]),
            };
            rgba[i * 4] = r;
            rgba[(i * 4) + 1] = g;
            rgba[(i * 4) + 2] = b;
            rgba[(i * 4) + 3] = a;
        }

        return rgba;
    }

    private static (byte, byte, byte, byte) PaletteEntry(byte index, byte[]? palette, byte[]? transparency)
    {
        if (palette is null || (index * 3) + 2 >= palette.Length)
        {
            throw new InvalidDataException($"PNG palette index {index} has no PLTE entry.");
        }

        var alpha = transparency is not null && index < transparency.Length ? transparency[index] : (byte)255;
        return (palette[index * 3], palette[(index * 3) + 1], palette[(index * 3) + 2], alpha);
    }
}

/// <summary>CRC-32 as PNG defines it (ISO 3309, reflected polynomial 0xEDB88320).</summary>
internal static class Crc32
{
    private static readonly uint[] Table = Enumerable.Range(0, 256).Select(n =>
    {
        var c = (uint)n;
        for (var k = 0; k < 8; k++)
        {
            c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
        }

        return c;
    }).ToArray();

    public static uint Compute(ReadOnlySpan<byte> bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var value in bytes)
        {
            crc = Table[(crc ^ value) & 0xFF] ^ (crc >> 8);
        }

        return crc ^ 0xFFFFFFFFu;
    }
}
