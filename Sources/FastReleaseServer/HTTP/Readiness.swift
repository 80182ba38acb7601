/// `GET /readyz`: ready, and the profile version in force.
struct Readiness: Encodable {
    let ready: Bool
    let profile: String
}
