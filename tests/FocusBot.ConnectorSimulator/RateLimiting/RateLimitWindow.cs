namespace FocusBot.ConnectorSimulator.RateLimiting;

/// <summary>At most <paramref name="Limit"/> admitted requests in any sliding <paramref name="Window"/>.</summary>
public readonly record struct RateLimitWindow(int Limit, TimeSpan Window);
