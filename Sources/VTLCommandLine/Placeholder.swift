import VTL
