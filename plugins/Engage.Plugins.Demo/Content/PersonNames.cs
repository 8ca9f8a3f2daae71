namespace Engage.Plugins.Demo.Content;

/// <summary>Invented first and last names per language, and a few local organisations.</summary>
internal static class PersonNames
{
    public static IReadOnlyList<NamePart> FirstNames(string language) => language switch
    {
        "fr" => Parts(("Camille", "camille"), ("Lucas", "lucas"), ("Léa", "lea"), ("Hugo", "hugo"), ("Manon", "manon"), ("Théo", "theo"), ("Chloé", "chloe"), ("Antoine", "antoine")),
        "de" => Parts(("Lena", "lena"), ("Jonas", "jonas"), ("Mia", "mia"), ("Lukas", "lukas"), ("Hannah", "hannah"), ("Felix", "felix"), ("Sophie", "sophie"), ("Paul", "paul")),
        "es" => Parts(("Lucía", "lucia"), ("Mateo", "mateo"), ("Sofía", "sofia"), ("Diego", "diego"), ("Valentina", "valentina"), ("Javier", "javier"), ("Carmen", "carmen"), ("Pablo", "pablo")),
        "fa" => Parts(("سارا", "sara"), ("علی", "ali"), ("مریم", "maryam"), ("رضا", "reza"), ("نگار", "negar"), ("امید", "omid")),
        "he" => Parts(("נועה", "noa"), ("יונתן", "yonatan"), ("תמר", "tamar"), ("איתי", "itay"), ("מאיה", "maya"), ("דניאל", "daniel")),
        _ => Parts(("Emma", "emma"), ("Liam", "liam"), ("Olivia", "olivia"), ("Noah", "noah"), ("Ava", "ava"), ("James", "james"), ("Grace", "grace"), ("Ethan", "ethan"), ("Chloe", "chloe"), ("Marcus", "marcus"), ("Priya", "priya"), ("Kwame", "kwame"), ("Mei", "mei")),
    };

    public static IReadOnlyList<NamePart> LastNames(string language) => language switch
    {
        "fr" => Parts(("Dubois", "dubois"), ("Lefèvre", "lefevre"), ("Moreau", "moreau"), ("Girard", "girard"), ("Fontaine", "fontaine"), ("Mercier", "mercier")),
        "de" => Parts(("Müller", "mueller"), ("Schmidt", "schmidt"), ("Becker", "becker"), ("Wagner", "wagner"), ("Hoffmann", "hoffmann"), ("Schäfer", "schaefer")),
        "es" => Parts(("García", "garcia"), ("Martínez", "martinez"), ("López", "lopez"), ("Fernández", "fernandez"), ("Ruiz", "ruiz"), ("Torres", "torres")),
        "fa" => Parts(("احمدی", "ahmadi"), ("رضایی", "rezaei"), ("کریمی", "karimi"), ("حسینی", "hosseini"), ("موسوی", "mousavi")),
        "he" => Parts(("לוי", "levi"), ("כהן", "cohen"), ("מזרחי", "mizrahi"), ("פרץ", "peretz"), ("ביטון", "biton")),
        _ => Parts(("Carter", "carter"), ("Nguyen", "nguyen"), ("Walsh", "walsh"), ("Okafor", "okafor"), ("Bennett", "bennett"), ("Hughes", "hughes"), ("Patel", "patel"), ("Kim", "kim"), ("Moreno", "moreno"), ("Fraser", "fraser")),
    };

    /// <summary>Local organisations that talk to the library: name, ASCII handle, language.</summary>
    public static IReadOnlyList<(string Name, string Handle, string Language)> Organisations { get; } =
    [
        ("Riverside Book Club", "riversidebookclub", "en"),
        ("Green Valley School", "greenvalleyschool", "en"),
        ("Riverside Gazette", "riversidegazette", "en"),
        ("Friends of Riverside Library", "friendsofthelibrary", "en"),
        ("Harbour Community Centre", "harbourcommunity", "en"),
        ("Alliance française de Riverside", "afriverside", "fr"),
        ("Café Lesezeichen", "cafelesezeichen", "de"),
        ("Centro Cultural Latino", "centroculturallatino", "es"),
    ];

    private static NamePart[] Parts(params (string Native, string Latin)[] names) =>
        names.Select(n => new NamePart(n.Native, n.Latin)).ToArray();
}
