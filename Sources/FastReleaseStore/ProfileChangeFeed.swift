/// A decision log that several instances share, and that tells each of them when any records a
/// profile change, so that one profile is in force across the cluster.
///
/// ``PostgresDecisionLog`` is one (PostgreSQL `LISTEN`/`NOTIFY`); a SQLite log, which one
/// instance writes, is not.
public protocol ProfileChangeFeed: Sendable {
    /// Calls `onChange` once when listening starts (so that a change recorded just before is not
    /// missed), then after every profile change any instance records, until the task is
    /// cancelled. A lost connection is listened on again, and `onChange` called again then.
    func followProfileChanges(_ onChange: @escaping @Sendable () async -> Void) async throws
}
