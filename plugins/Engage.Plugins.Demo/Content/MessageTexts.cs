namespace Engage.Plugins.Demo.Content;

/// <summary>Direct messages people send the library, and the nudges they send while waiting.</summary>
internal static class MessageTexts
{
    private const Tone P = Tone.Positive;
    private const Tone N = Tone.Neutral;
    private const Tone X = Tone.Negative;

    public static TextTable Table { get; } = new(
    [
        new("en", P, "Hi! Just wanted to say the staff at the Main branch were wonderful with my son today. Thank you!"),
        new("en", P, "Hello, I loved the author talk yesterday. Will there be more events like it?"),
        new("en", N, "Hello, can I renew a book that is already overdue?"),
        new("en", N, "Hi, do you have study rooms available on Sunday?"),
        new("en", N, "Hi there, how do I get a library card for my daughter?"),
        new("en", N, "Can I donate books to the library? I have two boxes of novels."),
        new("en", X, "I was charged a late fee for a book I returned on time. This is frustrating."),
        new("en", X, "I have been trying to reset my PIN for a week and nothing works."),
        new("en", X, "The person at the Eastside desk was quite rude to me today."),

        new("fr", P, "Bonjour, merci pour l'atelier d'hier, c'était formidable !"),
        new("fr", N, "Bonjour, puis-je prolonger un livre déjà en retard ?"),
        new("fr", X, "On m'a facturé une pénalité pour un livre rendu à temps. C'est agaçant."),

        new("de", P, "Hallo, ich wollte mich für die tolle Beratung gestern bedanken!"),
        new("de", N, "Hallo, kann ich ein überfälliges Buch noch verlängern?"),
        new("de", X, "Mir wurde eine Mahngebühr berechnet, obwohl ich das Buch pünktlich zurückgegeben habe."),

        new("es", P, "¡Hola! Solo quería dar las gracias por el taller de ayer, ¡fue genial!"),
        new("es", N, "Hola, ¿puedo renovar un libro que ya está vencido?"),
        new("es", X, "Me cobraron una multa por un libro que devolví a tiempo. Es frustrante."),

        new("fa", P, "سلام، فقط می‌خواستم از کارکنان شعبه مرکزی تشکر کنم، خیلی مهربان بودند."),
        new("fa", N, "سلام، چطور می‌توانم برای دخترم کارت کتابخانه بگیرم؟"),
        new("fa", X, "برای کتابی که به‌موقع برگرداندم جریمه دیرکرد گرفتم. خیلی آزاردهنده است."),

        new("he", P, "שלום, רק רציתי להודות לצוות בסניף המרכזי, הם היו נהדרים."),
        new("he", N, "שלום, איך אפשר להוציא כרטיס ספרייה לבת שלי?"),
        new("he", X, "חייבו אותי בקנס איחור על ספר שהחזרתי בזמן. זה מתסכל."),
    ]);

    /// <summary>A second message sent before anyone answered.</summary>
    public static TextTable Nudges { get; } = new(
    [
        new("en", N, "Any news on this? 🙏"),
        new("en", N, "Sorry, forgot to say: my card number ends in 4471."),
        new("fr", N, "Des nouvelles ? 🙏"),
        new("de", N, "Gibt es schon Neuigkeiten? 🙏"),
        new("es", N, "¿Alguna novedad? 🙏"),
        new("fa", N, "خبری نشد؟ 🙏"),
        new("he", N, "יש חדש? 🙏"),
    ]);
}
