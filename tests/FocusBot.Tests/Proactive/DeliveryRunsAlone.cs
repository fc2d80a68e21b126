namespace FocusBot.Tests.Proactive;

/// <summary>
/// Fan-outs that run FocusBot as processes, crash them, or time their sends run one at a time, after the rest of the
/// project's tests: on two cores, alongside other tests, starts and takeovers would be slowed by the machine rather than
/// by what is under test.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class DeliveryRunsAlone
{
    public const string Name = nameof(DeliveryRunsAlone);
}
