using FocusBot.TestSupport;

namespace FocusBot.Ship.Tests.Manifest;

public sealed class IconTests
{
    private static PngImage Load(string name) => PngImage.Read(File.ReadAllBytes(Path.Combine(RepositoryPaths.Manifest, name)));

    [Fact]
    public void ColorIcon_CommittedFile_Is192By192Png()
    {
        Assert.Empty(IconRules.CheckColor(Load("color.png")));
    }

    [Fact]
    public void OutlineIcon_CommittedFile_Is32By32WhiteOnTransparent()
    {
        Assert.Empty(IconRules.CheckOutline(Load("outline.png")));
    }

    [Fact]
    public void OutlineIcon_CommittedFile_HasTransparentBackground()
    {
        // The corners are outside the target: Teams must see the background through them.
        var outline = Load("outline.png");
        Assert.Equal(0, outline.Pixel(0, 0).A);
        Assert.Equal(0, outline.Pixel(31, 31).A);
    }

    // The checks above must fail when an icon is wrong; these feed them wrong icons.

    [Fact]
    public void CheckOutline_ColouredPixel_IsReported()
    {
        var png = TestPngEncoder.Encode(32, 32, (x, y) => x == 5 && y == 7 ? ((byte)255, (byte)0, (byte)0, (byte)255) : ((byte)255, (byte)255, (byte)255, (byte)0));

        var problem = Assert.Single(IconRules.CheckOutline(PngImage.Read(png)));

        Assert.Contains("(5,7)", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void CheckOutline_FullyTransparent_IsReported()
    {
        var png = TestPngEncoder.Encode(32, 32, (_, _) => (0, 0, 0, 0));

        Assert.Contains("fully transparent", Assert.Single(IconRules.CheckOutline(PngImage.Read(png))), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(191, 192)]
    [InlineData(96, 96)]
    public void CheckColor_WrongSize_IsReported(int width, int height)
    {
        var png = TestPngEncoder.Encode(width, height, (_, _) => (14, 124, 134, 255));

        Assert.Contains($"{width}x{height}", Assert.Single(IconRules.CheckColor(PngImage.Read(png))), StringComparison.Ordinal);
    }

    [Fact]
    public void CheckOutline_WrongSize_IsReported()
    {
        var png = TestPngEncoder.Encode(48, 48, (x, _) => x < 10 ? ((byte)255, (byte)255, (byte)255, (byte)255) : ((byte)0, (byte)0, (byte)0, (byte)0));

        Assert.Contains("48x48", Assert.Single(IconRules.CheckOutline(PngImage.Read(png))), StringComparison.Ordinal);
    }

    [Fact]
    public void Read_CorruptedImageData_IsRejected()
    {
        var file = File.ReadAllBytes(Path.Combine(RepositoryPaths.Manifest, "outline.png"));
        file[^20] ^= 0xFF; // inside the last IDAT bytes, before the IEND chunk

        var error = Assert.ThrowsAny<InvalidDataException>(() => PngImage.Read(file));

        Assert.Contains("CRC", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_NotAPng_IsRejected()
    {
        Assert.Throws<InvalidDataException>(() => PngImage.Read("<svg/>"u8.ToArray()));
    }
}
