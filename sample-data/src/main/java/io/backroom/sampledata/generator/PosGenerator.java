package io.backroom.sampledata.generator;

import io.backroom.sampledata.labels.BenignAnomaly;
import io.backroom.sampledata.labels.FraudPattern;
import io.backroom.sampledata.labels.ShiftLabel;
import io.backroom.sampledata.labels.TransactionLabel;
import io.backroom.sampledata.model.Cashier;
import io.backroom.sampledata.model.CashierShift;
import io.backroom.sampledata.model.Item;
import io.backroom.sampledata.model.PosLine;
import io.backroom.sampledata.model.PosLineType;
import io.backroom.sampledata.model.PosTransaction;
import io.backroom.sampledata.model.PosTransactionType;
import io.backroom.sampledata.model.Store;
import io.backroom.sampledata.model.Tender;
import io.backroom.sampledata.model.TenderType;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * POS journals of one store: cashier shifts per register and the transactions in them, with seasonality,
 * day-of-week and hour-of-day patterns, honest anomalies and injected cashier fraud. One call produces one store's
 * whole journal from its own random stream, so stores can be generated in parallel and still come out the same.
 */
final class PosGenerator {
    /** Share of a fraudster's shifts in which they commit fraud. */
    static final double FRAUD_SHIFT_PROBABILITY = 0.6;
    /** Share of cashiers (in stores with journals) who are fraudsters. */
    static final double FRAUDSTER_SHARE = 0.03;

    private static final double[] HOUR_WEIGHTS = {0, 0, 0, 0, 0, 0, 0, 0.3, 0.6, 0.8, 1.0, 1.3, 1.6, 1.4, 1.1, 1.1,
        1.4, 1.8, 1.7, 1.2, 0.7, 0.4, 0.2, 0};
    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    /** Everything one store produced, in write order. */
    record StoreJournal(List<CashierShift> shifts, List<PosTransaction> transactions, List<ShiftLabel> shiftLabels,
            List<TransactionLabel> transactionLabels) {
    }

    private final Retailer retailer;
    private final ZoneId zone;
    private final LocalDate from;
    private final LocalDate until;
    private final Map<String, FraudPattern> fraudsters;
    private final long[] priceCents;
    private final List<Item> items;
    private final List<Item> expensiveItems = new ArrayList<>();
    private final double[] cumulativePopularity;

    PosGenerator(Retailer retailer, ZoneId zone, LocalDate from, LocalDate until, Map<String, FraudPattern> fraudsters) {
        this.retailer = retailer;
        this.zone = zone;
        this.from = from;
        this.until = until;
        this.fraudsters = fraudsters;
        this.items = retailer.items;
        this.priceCents = new long[items.size()];
        Map<String, Double> popularity = new HashMap<>();
        for (Vocabulary.Category c : Vocabulary.CATEGORIES) {
            popularity.put(c.name(), c.popularity());
        }
        this.cumulativePopularity = new double[items.size()];
        double sum = 0;
        for (int i = 0; i < items.size(); i++) {
            Item item = items.get(i);
            priceCents[i] = item.retailPrice().movePointRight(2).longValueExact();
            sum += popularity.get(item.category()) / (0.5 + priceCents[i] / 1000.0);
            cumulativePopularity[i] = sum;
            if (priceCents[i] >= 1500) {
                expensiveItems.add(item);
            }
        }
    }

    /** Picks fraudsters among the cashiers of {@code stores}: {@value #FRAUDSTER_SHARE} of them, patterns in turn. */
    static Map<String, FraudPattern> chooseFraudsters(Retailer retailer, List<Store> stores, Rng r) {
        List<Cashier> pool = new ArrayList<>();
        for (Store s : stores) {
            pool.addAll(retailer.cashiersByStore.get(s.id()));
        }
        int count = Math.min(pool.size(),
                Math.max(FraudPattern.values().length, (int) Math.round(pool.size() * FRAUDSTER_SHARE)));
        Map<String, FraudPattern> chosen = new HashMap<>();
        int k = 0;
        while (chosen.size() < count) {
            Cashier c = pool.get(r.nextInt(pool.size()));
            if (!chosen.containsKey(c.id())) {
                chosen.put(c.id(), FraudPattern.values()[k++ % FraudPattern.values().length]);
            }
        }
        return chosen;
    }

    /** Daily traffic multiplier: day of week and the retail calendar. */
    static double dayFactor(LocalDate day) {
        double dow = switch (day.getDayOfWeek()) {
            case MONDAY, TUESDAY -> 0.85;
            case WEDNESDAY -> 0.95;
            case THURSDAY -> 1.0;
            case FRIDAY -> 1.25;
            case SATURDAY -> 1.45;
            case SUNDAY -> 0.7;
        };
        double season = 1.0 + 0.15 * StrictMath.sin((day.getDayOfYear() - 80) * 2 * Math.PI / 365.0);
        if (day.getMonthValue() == 10 && day.getDayOfMonth() == 31) {
            season *= 1.25;
        }
        if (day.getDayOfMonth() >= 24 && day.getDayOfMonth() <= 26) {
            season *= 1.1;
        }
        if (day.getMonthValue() == 12 && day.getDayOfMonth() >= 15 && day.getDayOfMonth() <= 24) {
            season *= 1.6;
        }
        return dow * season;
    }

    /** Days after holidays with many (honest) returns. */
    static boolean isReturnsPeak(LocalDate day) {
        return (day.getMonthValue() == 11 && day.getDayOfMonth() <= 2)
                || (day.getMonthValue() == 12 && day.getDayOfMonth() >= 27)
                || (day.getMonthValue() == 1 && day.getDayOfMonth() <= 6);
    }

    private static int baseTraffic(Store store) {
        return switch (store.sizeTier()) {
            case SMALL -> 140;
            case MEDIUM -> 220;
            case LARGE -> 320;
            case FLAGSHIP -> 520;
        };
    }

    StoreJournal store(Store store, Rng rng) {
        StoreState st = new StoreState(store, rng);
        for (LocalDate day = from; day.isBefore(until); day = day.plusDays(1)) {
            day(st, day, rng.child("day", day.toEpochDay()));
        }
        return new StoreJournal(st.shifts, st.transactions, st.shiftLabels, st.transactionLabels);
    }

    /** Mutable per-store state while its journal is generated. */
    private final class StoreState {
        final Store store;
        final List<Cashier> cashiers;
        final List<CashierShift> shifts = new ArrayList<>();
        final List<PosTransaction> transactions = new ArrayList<>();
        final List<ShiftLabel> shiftLabels = new ArrayList<>();
        final List<TransactionLabel> transactionLabels = new ArrayList<>();
        final List<PosTransaction> recentSales = new ArrayList<>();
        final int promoPhase;
        final double basketMean;
        final int loyaltyBase;

        StoreState(Store store, Rng rng) {
            this.store = store;
            this.cashiers = retailer.cashiersByStore.get(store.id());
            this.promoPhase = rng.nextInt(14);
            this.basketMean = 2.6 + 0.6 * store.sizeTier().ordinal();
            this.loyaltyBase = 10_000_000 + Integer.parseInt(store.id().substring(1)) * 10_000;
        }

        String loyalty(Rng r) {
            return r.chance(0.4) ? "L" + (loyaltyBase + r.nextInt(4000)) : null;
        }

        void rememberSale(PosTransaction t) {
            recentSales.add(t);
            if (recentSales.size() > 400) {
                recentSales.subList(0, 100).clear();
            }
        }
    }

    private void day(StoreState st, LocalDate day, Rng r) {
        Store store = st.store;
        double factor = dayFactor(day) * StrictMath.exp(0.08 * r.gaussian());
        int traffic = (int) Math.round(baseTraffic(store) * factor);
        int active = Math.max(1, Math.min(store.registers(), (int) Math.ceil(store.registers() * Math.min(1.0,
                factor / 1.2))));
        List<Cashier> available = new ArrayList<>();
        for (Cashier c : st.cashiers) {
            if (!c.hireDate().isAfter(day)) {
                available.add(c);
            }
        }
        if (available.isEmpty()) {
            available.addAll(st.cashiers);
        }
        Collections.shuffle(available, new java.util.Random(r.nextInt(Integer.MAX_VALUE)));
        LocalTime opens = store.opensAt();
        LocalTime closes = store.closesAt();
        LocalTime mid = opens.plusMinutes(minutes(opens, closes) / 2);
        boolean promoDay = Math.floorMod(day.toEpochDay() + st.promoPhase, 14) == 0;
        boolean returnsPeak = isReturnsPeak(day);
        String dayKey = day.format(DAY);
        int next = 0;
        for (int half = 0; half < 2; half++) {
            LocalTime start = half == 0 ? opens : mid;
            LocalTime end = half == 0 ? mid : closes;
            double share = hourShare(start, end);
            for (int reg = 1; reg <= active; reg++) {
                Cashier cashier = available.get(next++ % available.size());
                int count = Math.max(3, (int) Math.round(traffic * share / active * StrictMath.exp(0.1 * r.gaussian())));
                String shiftId = "SH-" + store.id() + "-" + dayKey + "-" + String.format(Locale.ROOT, "%02d", reg) + "-"
                        + (half + 1);
                shift(st, day, shiftId, reg, cashier, start, end, count, promoDay, returnsPeak,
                        r.child(shiftId));
            }
        }
    }

    private static long minutes(LocalTime a, LocalTime b) {
        return java.time.Duration.between(a, b).toMinutes();
    }

    private static double hourShare(LocalTime start, LocalTime end) {
        double total = 0;
        double part = 0;
        for (int h = 0; h < 24; h++) {
            total += HOUR_WEIGHTS[h];
            if (h >= start.getHour() && h < end.getHour()) {
                part += HOUR_WEIGHTS[h];
            }
        }
        return part / total;
    }

    /** Builds one shift; the context of the transactions being generated. */
    private final class Shift {
        final StoreState st;
        final String id;
        final int register;
        final Cashier cashier;
        final LocalDate day;
        final long startSecond;
        final long endSecond;
        final Rng r;
        long cashCents;
        long skimmedCents;
        int seq;
        final List<PosTransaction> sales = new ArrayList<>();
        final List<PosTransaction> out = new ArrayList<>();
        final List<String> fraudIds = new ArrayList<>();

        Shift(StoreState st, String id, int register, Cashier cashier, LocalDate day, LocalTime start, LocalTime end,
                Rng r) {
            this.st = st;
            this.id = id;
            this.register = register;
            this.cashier = cashier;
            this.day = day;
            this.startSecond = start.toSecondOfDay();
            this.endSecond = end.toSecondOfDay();
            this.r = r;
        }

        /** A local second of the day inside the shift, following the hour-of-day curve. */
        long randomSecond(boolean quiet) {
            for (int attempt = 0; attempt < 20; attempt++) {
                long s = startSecond + (long) (r.nextDouble() * (endSecond - startSecond));
                double w = HOUR_WEIGHTS[(int) (s / 3600)];
                double accept = quiet ? (2.0 - w) / 2.0 : w / 1.8;
                if (r.nextDouble() < accept) {
                    return s;
                }
            }
            return startSecond + (long) (r.nextDouble() * (endSecond - startSecond));
        }

        Instant instant(long second) {
            return day.atTime(LocalTime.ofSecondOfDay(Math.min(second, 86_399))).atZone(zone).toInstant();
        }
    }

    private void shift(StoreState st, LocalDate day, String shiftId, int reg, Cashier cashier, LocalTime start,
            LocalTime end, int count, boolean promoDay, boolean returnsPeak, Rng r) {
        Shift sh = new Shift(st, shiftId, reg, cashier, day, start, end, r);
        FraudPattern pattern = fraudsters.get(cashier.id());
        boolean fraud = pattern != null && r.chance(FRAUD_SHIFT_PROBABILITY);
        boolean newCashier = !cashier.hireDate().isBefore(day.minusDays(21));
        BenignAnomaly benign = null;
        if (newCashier) {
            benign = BenignAnomaly.NEW_CASHIER_VOIDS;
        } else if (returnsPeak) {
            benign = BenignAnomaly.HOLIDAY_RETURNS_PEAK;
        } else if (promoDay) {
            benign = BenignAnomaly.PROMOTION_DAY_DISCOUNTS;
        } else if (r.chance(0.03)) {
            benign = BenignAnomaly.CHANGE_FOR_FLOAT_NO_SALES;
        } else if (r.chance(0.02)) {
            benign = BenignAnomaly.PRICE_MATCH_OVERRIDES;
        }
        long openingFloat = 15_000 + 5_000L * r.nextInt(3);

        // honest transactions at their times
        long[] seconds = new long[count];
        for (int i = 0; i < count; i++) {
            seconds[i] = sh.randomSecond(false);
        }
        int fraudCount = fraud ? (pattern == FraudPattern.NO_SALE_ABUSE ? r.between(6, 16) : r.between(2, 8)) : 0;
        long[] fraudSeconds = new long[fraudCount];
        for (int i = 0; i < fraudCount; i++) {
            fraudSeconds[i] = sh.randomSecond(true);
        }
        int extraNoSales = benign == BenignAnomaly.CHANGE_FOR_FLOAT_NO_SALES ? r.between(4, 9) : 0;
        // merge: honest (0), fraud (1), float no-sale (2), in time order
        int total = count + fraudCount + extraNoSales;
        long[] keys = new long[total];
        for (int i = 0; i < count; i++) {
            keys[i] = seconds[i] * 4;
        }
        for (int i = 0; i < fraudCount; i++) {
            keys[count + i] = fraudSeconds[i] * 4 + 1;
        }
        for (int i = 0; i < extraNoSales; i++) {
            keys[count + fraudCount + i] = (sh.startSecond + r.between(30, 1800)) * 4 + 2;
        }
        java.util.Arrays.sort(keys);
        double voidBoost = newCashier ? 4 : 1;
        double discountBoost = promoDay ? 4 : 1;
        double returnBoost = returnsPeak ? 3 : 1;
        double overrideBoost = benign == BenignAnomaly.PRICE_MATCH_OVERRIDES ? 15 : 1;
        for (long key : keys) {
            long second = key / 4;
            int kind = (int) (key % 4);
            PosTransaction t;
            if (kind == 1) {
                t = fraudulent(sh, pattern, second);
                sh.fraudIds.add(t.id());
            } else if (kind == 2) {
                t = noSale(sh, second, false);
            } else {
                t = honest(sh, second, voidBoost, discountBoost, returnBoost, overrideBoost);
            }
            sh.out.add(t);
        }
        long expected = openingFloat + sh.cashCents;
        long variance = 0;
        double v = r.nextDouble();
        if (fraud && (pattern == FraudPattern.NO_SALE_ABUSE || pattern == FraudPattern.GIFT_CARD_FRAUD)
                && r.chance(0.5)) {
            variance = -r.between(1_000, 8_000);
        } else if (v < 0.13) {
            variance = (r.chance(0.5) ? -1 : 1) * r.between(5, 200);
        } else if (v < 0.15) {
            variance = (r.chance(0.6) ? -1 : 1) * r.between(200, 2_000);
        }
        Instant startedAt = sh.instant(sh.startSecond - r.between(60, 600));
        Instant endedAt = sh.instant(sh.endSecond + r.between(60, 900));
        st.shifts.add(new CashierShift(shiftId, st.store.id(), reg, cashier.id(), startedAt, endedAt,
                cents(openingFloat), cents(expected), cents(expected + variance - sh.skimmedCents)));
        st.transactions.addAll(sh.out);
        st.shiftLabels.add(new ShiftLabel(shiftId, cashier.id(), fraud, fraud ? pattern : null, benign,
                sh.fraudIds.size()));
        for (String id : sh.fraudIds) {
            st.transactionLabels.add(new TransactionLabel(id, shiftId, pattern));
        }
    }

    private static BigDecimal cents(long c) {
        return BigDecimal.valueOf(c, 2);
    }

    private String nextId(Shift sh) {
        return "T-" + sh.st.store.id() + "-" + sh.day.format(DAY) + "-" + String.format(Locale.ROOT, "%02d-%04d",
                sh.register, ++sh.seq) + "-" + sh.id.charAt(sh.id.length() - 1);
    }

    private int randomItemIndex(Rng r) {
        double x = r.nextDouble() * cumulativePopularity[cumulativePopularity.length - 1];
        int i = java.util.Arrays.binarySearch(cumulativePopularity, x);
        return i >= 0 ? i : Math.min(-i - 1, cumulativePopularity.length - 1);
    }

    /** Builder of one transaction's lines in cents. */
    private final class Basket {
        final List<PosLine> lines = new ArrayList<>();
        long total;

        void item(int index, int qty, long unit, boolean override, long discount, String reason) {
            Item item = items.get(index);
            long amount = unit * qty - discount;
            lines.add(new PosLine(lines.size() + 1, PosLineType.ITEM, item.id(), BigDecimal.valueOf(qty),
                    cents(priceCents[index]), cents(unit), override, cents(discount), reason, null, cents(amount)));
            total += amount;
        }

        void returned(Item item, int qty, long unit) {
            long amount = -unit * qty;
            lines.add(new PosLine(lines.size() + 1, PosLineType.RETURN, item.id(), BigDecimal.valueOf(-qty),
                    item.retailPrice(), cents(unit), false, cents(0), null, null, cents(amount)));
            total += amount;
        }

        void voidLast() {
            PosLine last = lines.get(lines.size() - 1);
            lines.add(new PosLine(lines.size() + 1, PosLineType.VOID, last.itemId(), last.quantity().negate(),
                    last.regularPrice(), last.unitPrice(), false, cents(0), null, last.lineNo(),
                    last.amount().negate()));
            total -= last.amount().movePointRight(2).longValueExact();
        }
    }

    private PosTransaction honest(Shift sh, long second, double voidBoost, double discountBoost, double returnBoost,
            double overrideBoost) {
        Rng r = sh.r;
        double x = r.nextDouble();
        double pReturn = 0.035 * returnBoost;
        if (x < pReturn) {
            return honestReturn(sh, second);
        }
        x -= pReturn;
        if (x < 0.006) {
            return noSale(sh, second, false);
        }
        x -= 0.006;
        if (x < 0.008) {
            return giftCardLoad(sh, second, r.money(10, 100).movePointRight(2).longValue() / 500 * 500 + 1000,
                    r.chance(0.5) ? TenderType.CASH : TenderType.CARD, false);
        }
        x -= 0.008;
        if (x < 0.002 * voidBoost && !sh.sales.isEmpty()) {
            return postVoid(sh, second, sh.sales.get(sh.sales.size() - 1), r.chance(0.8));
        }
        boolean employee = r.chance(0.012);
        Basket b = new Basket();
        int lines = Math.min(40, r.geometric(sh.st.basketMean));
        for (int i = 0; i < lines; i++) {
            int index = randomItemIndex(r);
            int qty = r.chance(0.85) ? 1 : r.between(2, 4);
            long unit = priceCents[index];
            boolean override = false;
            long discount = 0;
            String reason = null;
            if (r.chance(0.003 * overrideBoost)) {
                override = true;
                unit = Math.max(1, Math.round(unit * r.uniform(0.85, 0.95)));
                reason = "PRICE_MATCH";
            }
            if (employee) {
                discount = Math.round(unit * qty * 0.15);
                reason = "EMPLOYEE";
            } else if (r.chance(0.06 * discountBoost)) {
                discount = Math.round(unit * qty * r.pick(0.1, 0.2, 0.25, 0.3));
                reason = "PROMO";
            } else if (r.chance(0.003)) {
                discount = Math.round(unit * qty * r.uniform(0.1, 0.2));
                reason = "DAMAGED";
            }
            b.item(index, qty, unit, override, discount, reason);
            if (r.chance(0.004 * voidBoost)) {
                b.voidLast();
            }
        }
        return sale(sh, second, b, employee, employee ? null : sh.st.loyalty(r), null, false);
    }

    private PosTransaction sale(Shift sh, long second, Basket b, boolean employee, String loyalty, TenderType forced,
            boolean managerOverride) {
        Rng r = sh.r;
        List<Tender> tenders = new ArrayList<>();
        TenderType type = forced != null ? forced : r.chance(0.27) ? TenderType.CASH : TenderType.CARD;
        if (forced == null && b.total > 1_000 && r.chance(0.05)) {
            long gift = Math.min(b.total, 500L * r.between(2, 10));
            tenders.add(new Tender(TenderType.GIFT_CARD, cents(gift)));
            if (b.total > gift) {
                tenders.add(new Tender(type, cents(b.total - gift)));
                addCash(sh, type, b.total - gift);
            }
        } else {
            tenders.add(new Tender(type, cents(b.total)));
            addCash(sh, type, b.total);
        }
        PosTransaction t = new PosTransaction(nextId(sh), sh.id, sh.st.store.id(), sh.register, sh.cashier.id(),
                sh.instant(second), PosTransactionType.SALE, null, false, employee, loyalty, managerOverride,
                List.copyOf(b.lines), List.copyOf(tenders), cents(b.total));
        sh.sales.add(t);
        sh.st.rememberSale(t);
        return t;
    }

    private static void addCash(Shift sh, TenderType type, long amount) {
        if (type == TenderType.CASH) {
            sh.cashCents += amount;
        }
    }

    private PosTransaction honestReturn(Shift sh, long second) {
        Rng r = sh.r;
        List<PosTransaction> recent = sh.st.recentSales;
        boolean withReceipt = !recent.isEmpty() && r.chance(0.75);
        Basket b = new Basket();
        String original = null;
        TenderType refund;
        if (withReceipt) {
            PosTransaction sale = recent.get(r.nextInt(recent.size()));
            original = sale.id();
            PosLine line = null;
            for (PosLine l : sale.lines()) {
                if (l.type() == PosLineType.ITEM) {
                    line = l;
                    break;
                }
            }
            if (line == null) {
                return noSale(sh, second, false);
            }
            long paid = line.amount().movePointRight(2).longValueExact() / Math.max(1, line.quantity().intValue());
            b.returned(retailer.item(line.itemId()), 1, paid);
            refund = sale.tenders().get(sale.tenders().size() - 1).type();
        } else {
            int index = randomItemIndex(r);
            b.returned(items.get(index), 1, priceCents[index]);
            refund = r.chance(0.6) ? TenderType.STORE_CREDIT : TenderType.CASH;
        }
        addCash(sh, refund, b.total);
        boolean override = !withReceipt && -b.total > 5_000;
        return new PosTransaction(nextId(sh), sh.id, sh.st.store.id(), sh.register, sh.cashier.id(),
                sh.instant(second), PosTransactionType.RETURN, original, withReceipt, false, sh.st.loyalty(r), override,
                List.copyOf(b.lines), List.of(new Tender(refund, cents(b.total))), cents(b.total));
    }

    private PosTransaction noSale(Shift sh, long second, boolean unused) {
        return new PosTransaction(nextId(sh), sh.id, sh.st.store.id(), sh.register, sh.cashier.id(),
                sh.instant(second), PosTransactionType.NO_SALE, null, false, false, null, false, List.of(), List.of(),
                cents(0));
    }

    private PosTransaction giftCardLoad(Shift sh, long second, long amount, TenderType tender, boolean cashMissing) {
        PosLine line = new PosLine(1, PosLineType.GIFT_CARD, null, BigDecimal.ONE, cents(amount), cents(amount), false,
                cents(0), null, null, cents(amount));
        addCash(sh, tender, amount);
        if (cashMissing && tender == TenderType.CASH) {
            sh.skimmedCents += amount;
        }
        return new PosTransaction(nextId(sh), sh.id, sh.st.store.id(), sh.register, sh.cashier.id(),
                sh.instant(second), PosTransactionType.GIFT_CARD_LOAD, null, false, false, null, false, List.of(line),
                List.of(new Tender(tender, cents(amount))), cents(amount));
    }

    private PosTransaction postVoid(Shift sh, long second, PosTransaction sale, boolean managerOverride) {
        long total = sale.total().movePointRight(2).longValueExact();
        List<Tender> refunds = new ArrayList<>();
        for (Tender t : sale.tenders()) {
            refunds.add(new Tender(t.type(), t.amount().negate()));
            addCash(sh, t.type(), -t.amount().movePointRight(2).longValueExact());
        }
        sh.sales.remove(sale);
        return new PosTransaction(nextId(sh), sh.id, sh.st.store.id(), sh.register, sh.cashier.id(),
                sh.instant(Math.max(second, sale.timestamp().atZone(zone).toLocalTime().toSecondOfDay() + 30)),
                PosTransactionType.POST_VOID, sale.id(), false, false, null, managerOverride, List.of(),
                List.copyOf(refunds), cents(-total));
    }

    private PosTransaction fraudulent(Shift sh, FraudPattern pattern, long second) {
        Rng r = sh.r;
        switch (pattern) {
            case REFUND_FRAUD -> {
                Basket b = new Basket();
                int n = r.between(1, 3);
                for (int i = 0; i < n; i++) {
                    Item item = r.pick(expensiveItems);
                    b.returned(item, 1, item.retailPrice().movePointRight(2).longValueExact());
                }
                addCash(sh, TenderType.CASH, b.total);
                return new PosTransaction(nextId(sh), sh.id, sh.st.store.id(), sh.register, sh.cashier.id(),
                        sh.instant(second), PosTransactionType.RETURN, null, false, false, null, r.chance(0.3),
                        List.copyOf(b.lines), List.of(new Tender(TenderType.CASH, cents(b.total))), cents(b.total));
            }
            case SWEETHEARTING -> {
                Basket b = new Basket();
                int n = r.between(3, 9);
                for (int i = 0; i < n; i++) {
                    int index = randomItemIndex(r);
                    long unit = priceCents[index];
                    if (r.chance(0.6)) {
                        b.item(index, 1, Math.max(1, Math.round(unit * r.uniform(0.1, 0.4))), true, 0,
                                r.pick("PRICE_MATCH", "PRICE_MATCH", "DAMAGED"));
                    } else {
                        b.item(index, 1, unit, false, Math.round(unit * r.uniform(0.5, 0.9)), "DAMAGED");
                    }
                }
                String accomplice = "L" + (sh.st.loyaltyBase + 3_999 - Math.floorMod(sh.cashier.id().hashCode(), 7));
                return sale(sh, second, b, false, accomplice, null, false);
            }
            case VOID_ABUSE -> {
                PosTransaction cashSale = null;
                for (int i = sh.sales.size() - 1; i >= 0; i--) {
                    if (sh.sales.get(i).tenders().get(0).type() == TenderType.CASH) {
                        cashSale = sh.sales.get(i);
                        break;
                    }
                }
                if (cashSale == null) {
                    Basket b = new Basket();
                    int n = r.between(2, 5);
                    for (int i = 0; i < n; i++) {
                        int index = randomItemIndex(r);
                        b.item(index, 1, priceCents[index], false, 0, null);
                    }
                    cashSale = sale(sh, Math.max(sh.startSecond, second - r.between(60, 600)), b, false, null,
                            TenderType.CASH, false);
                    sh.out.add(cashSale);
                }
                return postVoid(sh, second + r.between(60, 900), cashSale, r.chance(0.4));
            }
            case NO_SALE_ABUSE -> {
                return noSale(sh, second, true);
            }
            case DISCOUNT_ABUSE -> {
                Basket b = new Basket();
                int n = r.between(2, 7);
                for (int i = 0; i < n; i++) {
                    int index = randomItemIndex(r);
                    long unit = priceCents[index];
                    b.item(index, 1, unit, false, Math.round(unit * r.uniform(0.15, 0.5)), r.pick("EMPLOYEE",
                            "EMPLOYEE", "DAMAGED"));
                }
                return sale(sh, second, b, true, "L" + (sh.st.loyaltyBase + r.nextInt(4000)), null, false);
            }
            case GIFT_CARD_FRAUD -> {
                long amount = 500L * r.between(10, 100);
                return giftCardLoad(sh, second, amount, r.chance(0.6) ? TenderType.CASH : TenderType.STORE_CREDIT,
                        true);
            }
            default -> throw new IllegalStateException(pattern.toString());
        }
    }

    static boolean isWeekend(LocalDate day) {
        return day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
    }
}
