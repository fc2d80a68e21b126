using System.Text.Json.Nodes;

namespace FocusBot.Cards.Tests.Model;

public sealed class ExecuteActionTests
{
    [Fact]
    public void WithSubmitFallback_NoData_FallbackSubmitCarriesVerb()
    {
        var action = ExecuteAction.WithSubmitFallback("Show commands", "help.show");

        var json = new AdaptiveCard { Actions = [action] }.ToJsonElement().GetProperty("actions")[0];

        Assert.Equal("Action.Execute", json.GetProperty("type").GetString());
        Assert.Equal("help.show", json.GetProperty("verb").GetString());
        var fallback = json.GetProperty("fallback");
        Assert.Equal("Action.Submit", fallback.GetProperty("type").GetString());
        Assert.Equal("Show commands", fallback.GetProperty("title").GetString());
        Assert.Equal("help.show", fallback.GetProperty("data").GetProperty("verb").GetString());
    }

    [Fact]
    public void WithSubmitFallback_WithData_FallbackKeepsDataAndAddsVerb()
    {
        var data = new JsonObject { ["pulseId"] = "2026-w47", ["questionId"] = "k-03" };

        var action = ExecuteAction.WithSubmitFallback("Answer", "pulse.answer", data);

        var fallbackData = Assert.IsType<SubmitAction>(action.Fallback).Data!;
        Assert.Equal("2026-w47", fallbackData["pulseId"]!.GetValue<string>());
        Assert.Equal("k-03", fallbackData["questionId"]!.GetValue<string>());
        Assert.Equal("pulse.answer", fallbackData["verb"]!.GetValue<string>());
    }

    [Fact]
    public void WithSubmitFallback_WithData_DoesNotAddVerbToExecuteData()
    {
        // Action.Execute sends its verb separately; the caller's object must not change under it either.
        var data = new JsonObject { ["pulseId"] = "2026-w47" };

        var action = ExecuteAction.WithSubmitFallback("Answer", "pulse.answer", data);

        Assert.False(action.Data!.ContainsKey("verb"));
        Assert.False(data.ContainsKey("verb"));
    }
}
