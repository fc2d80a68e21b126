namespace FocusBot.Protocol.Connector;

/// <summary>
/// One attempt of a send, about to leave after pacing. <paramref name="Attempt"/> counts from 1;
/// <paramref name="RepeatsUnknownOutcome"/> says the previous attempt may have reached the person (a timeout, 412, 502
/// or 504), so this one may make a duplicate.
/// </summary>
public readonly record struct SendDeparture(int Attempt, bool RepeatsUnknownOutcome);
