namespace Engage.Plugins.Demo.Content;

/// <summary>Posts by other people that mention the library, and quotes of its posts.</summary>
internal static class MentionTexts
{
    private const Tone P = Tone.Positive;
    private const Tone N = Tone.Neutral;
    private const Tone X = Tone.Negative;

    public static TextTable Table { get; } = new(
    [
        new("en", P, "Spent a rainy afternoon at {handle} – best decision of the week ☔📚"),
        new("en", P, "Shout-out to {handle} for the amazing coding club for teens! 👏"),
        new("en", P, "Just got my first library card from {handle} and I'm ridiculously happy about it 🎉"),
        new("en", N, "Does anyone know if {handle} lends out laptops?"),
        new("en", N, "Heading to the book sale at {handle} this afternoon."),
        new("en", N, "{handle} what are your opening hours on Sunday?"),
        new("en", X, "{handle} the parking at the Main branch is a disaster again 😤"),
        new("en", X, "Third time this month the printers at {handle} are broken. Come on."),
        new("en", X, "{handle} why is nobody answering the phone today?"),
        new("fr", P, "Merci {handle} pour cette super soirée lecture ! 📚"),
        new("fr", N, "{handle} êtes-vous ouverts dimanche ?"),
        new("fr", X, "{handle} encore une fois l'imprimante ne marche pas… 😠"),
        new("de", P, "Danke {handle} für den tollen Vorleseabend! 📚"),
        new("de", N, "{handle} habt ihr am Sonntag geöffnet?"),
        new("de", X, "{handle} schon wieder ist der Drucker kaputt… 😠"),
        new("es", P, "¡Gracias {handle} por la noche de lectura! 📚"),
        new("es", N, "{handle} ¿abren el domingo?"),
        new("es", X, "{handle} otra vez no funciona la impresora… 😠"),
        new("fa", P, "ممنون {handle} برای شب کتاب‌خوانی فوق‌العاده! 📚"),
        new("fa", N, "{handle} آیا یکشنبه باز هستید؟"),
        new("fa", X, "{handle} باز هم چاپگر خراب است… 😠"),
        new("he", P, "תודה {handle} על ערב הקריאה המדהים! 📚"),
        new("he", N, "{handle} אתם פתוחים ביום ראשון?"),
        new("he", X, "{handle} שוב המדפסת לא עובדת… 😠"),
    ]);

    public static TextTable Quotes { get; } = new(
    [
        new("en", P, "This is why I love our library ❤️"),
        new("en", P, "Finally! Been waiting for this."),
        new("en", N, "Worth knowing if you live in Riverside."),
        new("en", X, "Again? This keeps happening."),
        new("fr", P, "C'est pour ça que j'adore notre bibliothèque ❤️"),
        new("de", P, "Genau deshalb liebe ich unsere Bibliothek ❤️"),
        new("es", P, "¡Por esto amo nuestra biblioteca! ❤️"),
        new("fa", P, "برای همین عاشق کتابخانه‌مان هستم ❤️"),
        new("he", P, "בגלל זה אני אוהבת את הספרייה שלנו ❤️"),
    ]);
}
