using FocusBot.EndToEnd.Playground;
using FocusBot.TestSupport;

namespace FocusBot.EndToEnd.Insights;

public sealed class ScratchExplore(Issue5PlaygroundFixture f) : IClassFixture<Issue5PlaygroundFixture>
{
    [Fact]
    public async Task Explore()
    {
        var a = RepositoryPaths.Artifacts;
        await f.Page.GotoAsync(f.Playground.PageAddress.ToString());
        await f.Page.Locator("[data-lexical-editor=\"true\"]").WaitForAsync();
        await Task.Delay(2000);
        await f.Page.GetByText("General", new() { Exact = true }).First.ClickAsync();
        await Task.Delay(3000);
        await f.Page.ScreenshotAsync(new() { Path = Path.Combine(a, "explore-team.png") });
        await f.Page.GetByText("Mock an Activity").First.ClickAsync();
        await Task.Delay(1500);
        await f.Page.ScreenshotAsync(new() { Path = Path.Combine(a, "explore-mock.png") });
        var menu = await f.Page.Locator("[role=menuitem], [role=option], li").AllInnerTextsAsync();
        await File.WriteAllTextAsync(Path.Combine(a, "explore-menu.txt"), string.Join("\n", menu));
        await f.SaveDiagnosticsAsync("explore");
    }
}
