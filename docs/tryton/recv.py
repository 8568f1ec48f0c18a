from rpc import *
import datetime, sys
from decimal import Decimal as D
login()
comp = 1
S['ctx']={'company':comp,'companies':[comp]}
po=1
moves = m('purchase.purchase','read',[po],['moves'])[0]['moves']
mv = m('stock.move','search_read',[['id','in',moves],['state','=','draft'],['shipment','=',None]],0,None,None,['quantity','state','origin','from_location','to_location'])
print(mv)
qty=float(sys.argv[1])
sup=m('purchase.purchase','read',[po],['party'])[0]['party']
m('stock.move','write',[mv[0]['id']],{'quantity':qty})
sh = m('stock.shipment.in','create',[{'supplier':sup,'company':comp,'warehouse':5,'reference':'DN-'+sys.argv[2],'effective_date':datetime.date.today(),'incoming_moves':[['add',[mv[0]['id']]]]}])[0]
m('stock.shipment.in','receive',[sh]); m('stock.shipment.in','done',[sh])
print(m('stock.shipment.in','read',[sh],['number','state','incoming_moves','write_date']))
import time; time.sleep(1)
print(m('stock.move','search_read',[['id','in',m('purchase.purchase','read',[po],['moves'])[0]['moves']]],0,None,None,['quantity','state','shipment','origin','write_date']))
