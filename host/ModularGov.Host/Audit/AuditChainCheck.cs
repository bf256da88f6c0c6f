namespace ModularGov.Host.Audit;

/// <summary>
/// Walks the chain one entry at a time, from the anchor (where the purge left its start): every position present, each
/// entry linked to the hash of the one before, each hash what its content gives, and the last entry where the head says.
/// The first break found is the answer; what follows it is not looked at.
/// </summary>
internal sealed class AuditChainCheck(ChainMark anchor)
{
    private long _expectedSeq = anchor.Seq + 1;
    private string _previousHash = anchor.Hash;
    private long _checked;
    private long? _brokenAt;
    private string? _problem;

    public ChainMark Anchor => anchor;

    /// <summary>Checks the next entry in order; false once the chain is broken.</summary>
    public bool Next(AuditEntry entry)
    {
        if (entry.Seq != _expectedSeq)
            return Broken(_expectedSeq, $"entries {_expectedSeq}–{entry.Seq - 1} were removed (the next entry held is {entry.Seq})");
        if (entry.PreviousHash != _previousHash)
            return Broken(entry.Seq, _expectedSeq == anchor.Seq + 1
                ? $"entry {entry.Seq} does not follow the anchor the retention purge left (entry {anchor.Seq}): the anchor or this entry was altered"
                : $"entry {entry.Seq} does not follow entry {entry.Seq - 1}: entry {entry.Seq - 1} was altered or replaced, or this entry's link was");
        if (!AuditHashes.All.Contains(entry.Algorithm) || entry.ComputeHash() != entry.Hash)
            return Broken(entry.Seq, $"entry {entry.Seq} was altered: its content no longer gives its hash");
        _checked++;
        _expectedSeq++;
        _previousHash = entry.Hash;
        return true;
    }

    /// <summary>The answer once every entry has been read: the last one must be the head.</summary>
    public AuditVerification End(ChainMark head)
    {
        var last = _expectedSeq - 1;
        if (head.Seq > last)
            Broken(last + 1, $"entries {last + 1}–{head.Seq} were removed from the end (the head records entry {head.Seq})");
        else if (head.Seq != last || head.Hash != _previousHash)
            Broken(last, $"the head (entry {head.Seq}) does not match the last entry held ({last}): the head or the last entry was altered");
        return Result();
    }

    public AuditVerification Result() => new(_brokenAt is null, _checked, anchor.Seq + 1, _expectedSeq - 1, _previousHash, _brokenAt, _problem);

    private bool Broken(long at, string problem)
    {
        _brokenAt = at;
        _problem = problem;
        return false;
    }
}

/// <summary>
/// What <c>audit verify</c> found: whether the chain is intact, how many entries were checked from <see cref="FirstSeq"/> to
/// <see cref="LastSeq"/> and the last good hash; when broken, the first entry found altered or missing and what is wrong there.
/// </summary>
public sealed record AuditVerification(bool Intact, long Checked, long FirstSeq, long LastSeq, string LastHash, long? BrokenAt, string? Problem);
