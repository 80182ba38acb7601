/// The chapters of the Harmonized System: 01 to 97, with 77 reserved for future use.
/// Chapters 98 and 99 are left to national use and are not HS chapters.
enum HSChapters {
    static func exists(_ chapter: Int) -> Bool {
        (1...97).contains(chapter) && chapter != 77
    }
}
