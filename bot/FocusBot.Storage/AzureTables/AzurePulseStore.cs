using FocusBot.Domain.Pulses;
using FocusBot.Storage.Serialization;

namespace FocusBot.Storage.AzureTables;

/// <summary>
/// Pulses: one partition "pulses", row = pulse id. About one pulse a week, so the whole table is a few hundred rows:
/// listing reads it all. The answer store also walks it, for answers stored before pulse ids were recorded in Ledgers.
/// </summary>
internal sealed class AzurePulseStore(FocusTableClient client, AzureTableNames tables) : IPulseStore
{
    private const string Partition = "pulses";

    public async Task<Pulse?> CreateAsync(Pulse pulse, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pulse);
        ArgumentException.ThrowIfNullOrEmpty(pulse.Id);
        var etag = await client.TryInsertAsync(tables.Pulses, ToEntity(pulse), cancellationToken);
        return etag is null ? null : pulse with { ETag = etag };
    }

    public async Task<Pulse?> GetAsync(string pulseId, CancellationToken cancellationToken)
    {
        var entity = await client.GetAsync(tables.Pulses, Partition, TableKeys.Encode(pulseId), cancellationToken);
        return entity is null ? null : FromEntity(entity);
    }

    public async Task<Pulse> UpdateAsync(Pulse pulse, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pulse);
        var etag = await client.ReplaceIfUnchangedAsync(tables.Pulses, ToEntity(pulse), pulse.ETag, $"pulse '{pulse.Id}'", cancellationToken);
        return pulse with { ETag = etag };
    }

    public async Task<IReadOnlyList<Pulse>> ListRecentAsync(int count, CancellationToken cancellationToken)
    {
        var pulses = await ListAllAsync(null, cancellationToken);
        return pulses.OrderByDescending(pulse => pulse.OpensAt).ThenByDescending(pulse => pulse.Id, StringComparer.Ordinal).Take(Math.Max(0, count)).ToList();
    }

    public async Task<IReadOnlyList<Pulse>> ListActiveAsync(CancellationToken cancellationToken)
    {
        var pulses = await ListAllAsync($"Status ne {TableFilter.Quote(nameof(PulseStatus.Closed))}", cancellationToken);
        return pulses.OrderBy(pulse => pulse.OpensAt).ThenBy(pulse => pulse.Id, StringComparer.Ordinal).ToList();
    }

    /// <summary>Every pulse id, for reaching one person's answers pulse by pulse.</summary>
    internal async Task<IReadOnlyList<string>> ListIdsAsync(CancellationToken cancellationToken)
    {
        var ids = new List<string>();
        await foreach (var entity in client.QueryAsync(tables.Pulses, TableFilter.PartitionIs(Partition), ["RowKey"], cancellationToken))
        {
            ids.Add(TableKeys.Decode(entity.RowKey));
        }

        return ids;
    }

    private async Task<List<Pulse>> ListAllAsync(string? extraFilter, CancellationToken cancellationToken)
    {
        var filter = extraFilter is null ? TableFilter.PartitionIs(Partition) : TableFilter.And(TableFilter.PartitionIs(Partition), extraFilter);
        var pulses = new List<Pulse>();
        await foreach (var entity in client.QueryAsync(tables.Pulses, filter, null, cancellationToken))
        {
            pulses.Add(FromEntity(entity));
        }

        return pulses;
    }

    private static TableRow ToEntity(Pulse pulse) => new(Partition, TableKeys.Encode(pulse.Id))
    {
        [nameof(Pulse.Id)] = pulse.Id,
        [nameof(Pulse.TenantId)] = pulse.TenantId,
        [nameof(Pulse.QuestionIds)] = StringListJson.Encode(pulse.QuestionIds),
        [nameof(Pulse.OpensAt)] = pulse.OpensAt,
        [nameof(Pulse.ClosesAt)] = pulse.ClosesAt,
        [nameof(Pulse.Status)] = pulse.Status.ToString(),
    };

    private static Pulse FromEntity(TableRow entity) => new()
    {
        Id = entity.GetRequiredString(nameof(Pulse.Id)),
        TenantId = entity.GetRequiredString(nameof(Pulse.TenantId)),
        QuestionIds = StringListJson.Decode(entity.GetString(nameof(Pulse.QuestionIds))),
        OpensAt = entity.GetRequiredDateTime(nameof(Pulse.OpensAt)),
        ClosesAt = entity.GetRequiredDateTime(nameof(Pulse.ClosesAt)),
        Status = Enum.Parse<PulseStatus>(entity.GetRequiredString(nameof(Pulse.Status))),
        ETag = entity.ETag,
    };
}
