from rpc import *
import datetime, sys
from decimal import Decimal as D
login()
S['ctx']={'company':1,'companies':[1]}
print(m('account.journal','search_read',[],0,None,None,['name','type','code']))
pl = m('purchase.line','read',[1],['product','unit','unit_price','purchase'])[0]
po = m('purchase.purchase','read',[pl['purchase']],['party','invoice_address','currency','payment_term'])[0]
pay = m('account.account','search',[['type.payable','=',True]],0,1,None)[0]
exp = m('account.account','search',[['type.expense','=',True]],0,1,None)[0]
j = m('account.journal','search',[['type','=','expense']],0,1,None)[0]
inv = m('account.invoice','create',[{'type':'in','party':po['party'],'invoice_address':po['invoice_address'],'company':1,'currency':po['currency'],'account':pay,'journal':j,'payment_term':po['payment_term'],
  'invoice_date':datetime.date.today(),'reference':'SUP-INV-1','description':'backroom:INV-1',
  'lines':[['create',[{'type':'line','product':pl['product'],'quantity':6,'unit':pl['unit'],'unit_price':D('4.50'),'account':exp,'origin':'purchase.line,1','description':'oil'}]]]}])[0]
m('account.invoice','validate_invoice',[inv]); m('account.invoice','post',[inv])
print(m('account.invoice','read',[inv],['number','state','total_amount','reference','lines']))
print(m('purchase.line','read',[1],['invoice_lines']))
print(m('purchase.purchase','read',[1],['invoice_state','invoices']))
