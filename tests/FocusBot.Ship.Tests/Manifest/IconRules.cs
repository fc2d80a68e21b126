namespace FocusBot.Ship.Tests.Manifest;

/// <summary>What Teams requires of the two app icons (learn.microsoft.com, "App icons for Teams").</summary>
internal static class IconRules
{
    public static IReadOnlyList<string> CheckColor(PngImage image)
    {
        var problems = new List<string>();
        if (image.Width != 192 || image.Height != 192)
        {
            problems.Add($"color icon is {image.Width}x{image.Height}, Teams needs 192x192");
        }

        return problems;
    }

    public static IReadOnlyList<string> CheckOutline(PngImage image)
    {
        var problems = new List<string>();
        if (image.Width != 32 || image.Height != 32)
        {
            problems.Add($"outline icon is {image.Width}x{image.Height}, Teams needs 32x32");
        }

        // Teams tints the outline icon itself, so it must be white on transparent. An edge pixel may be partly
        // transparent white; any colour with alpha above zero is wrong.
        var visible = 0;
        for (var y = 0; y < image.Height; y++)
        {
            for (var x = 0; x < image.Width; x++)
            {
                var (r, g, b, a) = image.Pixel(x, y);
                if (a == 0)
                {
                    continue;
                }

                visible++;
                if (r != 255 || g != 255 || b != 255)
                {
                    problems.Add($"outline icon pixel ({x},{y}) is #{r:X2}{g:X2}{b:X2} at alpha {a}: only white or transparent is allowed");
                }
            }
        }

        if (visible == 0)
        {
            problems.Add("outline icon is fully transparent");
        }

        return problems;
    }
}
