namespace Monitoring.Tools.Generate;

/// <summary>
/// Common first names and surnames (ISTAT's most frequent lists, plus a few names common among
/// EU and non-EU residents), so that generated people look real and fiscal codes come out of names
/// the way the Agenzia delle Entrate builds them.
/// </summary>
internal static class ItalianNames
{
    public static readonly string[] Male =
    [
        "Giuseppe", "Giovanni", "Antonio", "Mario", "Luigi", "Francesco", "Angelo", "Vincenzo", "Pietro", "Salvatore",
        "Carlo", "Franco", "Domenico", "Bruno", "Paolo", "Michele", "Giorgio", "Aldo", "Sergio", "Luciano",
        "Roberto", "Stefano", "Marco", "Alessandro", "Andrea", "Luca", "Massimo", "Fabio", "Claudio", "Gennaro",
        "Ciro", "Raffaele", "Pasquale", "Carmine", "Gaetano", "Alfonso", "Rosario", "Nicola", "Emanuele", "Simone",
        "Matteo", "Lorenzo", "Leonardo", "Gabriele", "Riccardo", "Tommaso", "Edoardo", "Federico", "Daniele", "Davide",
        "Christian", "Alessio", "Nicolò", "Filippo", "Diego", "Enzo", "Umberto", "Giacomo", "Mattia", "Samuele",
    ];

    public static readonly string[] Female =
    [
        "Maria", "Anna", "Giuseppina", "Rosa", "Angela", "Giovanna", "Teresa", "Lucia", "Carmela", "Caterina",
        "Francesca", "Anna Maria", "Antonietta", "Carla", "Elena", "Concetta", "Rita", "Margherita", "Franca", "Paola",
        "Laura", "Valentina", "Chiara", "Federica", "Silvia", "Simona", "Roberta", "Alessandra", "Sara", "Martina",
        "Giulia", "Sofia", "Aurora", "Alice", "Ginevra", "Emma", "Giorgia", "Greta", "Beatrice", "Anna Chiara",
        "Assunta", "Immacolata", "Filomena", "Raffaella", "Annunziata", "Nunzia", "Pasqualina", "Vincenza", "Luisa", "Patrizia",
        "Stefania", "Monica", "Daniela", "Manuela", "Ilaria", "Noemi", "Rebecca", "Matilde", "Marta", "Gaia",
    ];

    public static readonly string[] ForeignMale =
        ["Mohamed", "Ahmed", "Youssef", "Ion", "Andrei", "Bogdan", "Arben", "Rajesh", "Ali", "Omar", "Mamadou", "Wei"];

    public static readonly string[] ForeignFemale =
        ["Fatima", "Khadija", "Elena", "Ioana", "Mihaela", "Natalia", "Olena", "Aisha", "Mariana", "Blerina", "Priya", "Mei"];

    public static readonly string[] Surnames =
    [
        "Rossi", "Russo", "Ferrari", "Esposito", "Bianchi", "Romano", "Colombo", "Ricci", "Marino", "Greco",
        "Bruno", "Gallo", "Conti", "De Luca", "Mancini", "Costa", "Giordano", "Rizzo", "Lombardi", "Moretti",
        "Barbieri", "Fontana", "Santoro", "Mariani", "Rinaldi", "Caruso", "Ferrara", "Galli", "Martini", "Leone",
        "Longo", "Gentile", "Martinelli", "Vitale", "Lombardo", "Serra", "Coppola", "De Santis", "D'Angelo", "Marchetti",
        "Parisi", "Villa", "Conte", "Ferraro", "Ferri", "Fabbri", "Bianco", "Marini", "Grasso", "Valentini",
        "Messina", "Sala", "De Angelis", "Gatti", "Pellegrini", "Palumbo", "Sanna", "Farina", "Rizzi", "Monti",
        "Cattaneo", "Morelli", "Amato", "Silvestri", "Mazza", "Testa", "Grassi", "Pellegrino", "Carbone", "Giuliani",
        "Benedetti", "Barone", "Rossetti", "Caputo", "Montanari", "Guerra", "Palmieri", "Bernardi", "Martino", "Fiore",
        "De Rosa", "Ferretti", "Bellini", "Basile", "Riva", "Donati", "Piras", "Vitali", "Battaglia", "Sartori",
        "Neri", "Costantini", "Milani", "Pagano", "Ruggiero", "Sorrentino", "D'Amico", "Orlando", "Damico", "Negri",
        "Di Martino", "Cirillo", "Iovine", "Capasso", "Ambrosio", "Liguori", "Di Lorenzo", "Scognamiglio", "Della Corte", "Perna",
        "La Rosa", "Lo Presti", "Calabrese", "Napolitano", "Bianchini", "Ianniello", "Formisano", "Guarino", "Iodice", "Xu",
    ];

    public static readonly string[] ForeignSurnames =
        ["Popescu", "Ionescu", "El Amrani", "Benali", "Hoxha", "Kaur", "Singh", "Diallo", "Kovalenko", "Chen", "Haddad", "Shehu"];

    public static readonly string[] Streets =
    [
        "Via Roma", "Via Garibaldi", "Corso Vittorio Emanuele", "Via Mazzini", "Via Dante", "Via Verdi",
        "Via Cavour", "Piazza Municipio", "Via San Giuseppe", "Via Nazionale", "Via Marconi", "Viale Europa",
        "Via Matteotti", "Via Gramsci", "Via della Repubblica", "Vico Lungo", "Via Aldo Moro", "Via XX Settembre",
    ];
}
