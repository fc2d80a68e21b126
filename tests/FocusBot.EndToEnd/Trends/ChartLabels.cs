using Microsoft.Playwright;

namespace FocusBot.EndToEnd.Trends;

/// <summary>What a reader sees of the charts' axis labels.</summary>
internal static class ChartLabels
{
    /// <summary>
    /// Axis labels drawn partly outside their chart, where the browser cuts them ("Nov 202"): each as its text and the
    /// chart's measure. Empty when every label shows whole.
    /// </summary>
    public static Task<string[]> ClippedAsync(IPage page) => page.EvaluateAsync<string[]>("""
        () => [...document.querySelectorAll('svg.chart')].flatMap(svg => {
            const chart = svg.getBoundingClientRect();
            return [...svg.querySelectorAll('text.axis')]
                .filter(t => { const r = t.getBoundingClientRect(); return r.left < chart.left - 0.5 || r.right > chart.right + 0.5; })
                .map(t => `${t.textContent} (${svg.dataset.measure})`);
        })
        """);
}
