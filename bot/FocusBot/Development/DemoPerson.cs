namespace FocusBot.Development;

/// <summary>A made-up member of staff: their team, how often they answer, and how their answers drift week by week.</summary>
public sealed record DemoPerson(string UserId, string TeamId, double Participation, double Drift);
